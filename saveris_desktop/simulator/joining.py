"""How virtual loggers come into being and join a site: their devices and sensors appear or move.

Functions over the World (the caller holds `World.lock`). Joining is lazy: `tick` runs whenever
a request arrives or a logger's state is read, and lets every logger whose join delay has passed
join the site its connect key names (or be refused when no site has that key).
"""

from __future__ import annotations

from .documents import (
    default_alarms,
    device_alarm_kinds,
    device_document,
    sensor_alarm_kinds,
    sensor_document,
)
from .loggers import KIND_SPECS, LoggerKind, VirtualLogger
from .world import Site, World


def create_logger(world: World, kind: LoggerKind) -> VirtualLogger:
    spec = KIND_SPECS[kind]
    logger = VirtualLogger(
        logger_id=world.new_logger_id(),
        kind=kind,
        serial_number=spec.serial_prefix + world.new_digits(6),
        device_uuid=world.new_uuid(),
        sensor_uuids=tuple(world.new_uuid() for _ in spec.sensors),
        sensor_serials=tuple("7" + world.new_digits(8) for _ in spec.sensors),
    )
    world.loggers[logger.id] = logger
    world.changed()
    return logger


def tick(world: World) -> None:
    """Let every logger whose join delay has passed join its site (or be refused)."""
    now = world.clock.now()
    for logger in world.loggers.values():
        if logger.join_due is None or logger.join_due > now:
            continue
        site = world.site_of_key(logger.pending_key or "")
        if site is None:
            logger.refused()
        else:
            _attach(world, logger, site)
            logger.joined(site.name, site.customer_uuid)
        world.changed()


def _attach(world: World, logger: VirtualLogger, site: Site) -> None:
    doc = world.devices.get(logger.device_uuid)
    if doc is not None:
        if (doc["customer_uuid"], doc["customer_site"]) != (site.customer_uuid, site.name):
            _detach(world, logger)
        for sensor_uuid in logger.sensor_uuids:
            world.sensors[sensor_uuid].update(customer_uuid=site.customer_uuid, customer_site=site.name)
        doc.update(customer_uuid=site.customer_uuid, customer_site=site.name)
        doc["connection"]["wifi_ssid"] = logger.wifi_ssid
        return
    joined = world.now_iso()
    world.devices[logger.device_uuid] = device_document(logger, site, joined)
    for slot, (sensor_uuid, serial, sensor_spec) in enumerate(
        zip(logger.sensor_uuids, logger.sensor_serials, logger.spec.sensors, strict=True)
    ):
        world.sensors[sensor_uuid] = sensor_document(sensor_uuid, serial, sensor_spec, logger, site, slot)
        world.sensor_alarms[sensor_uuid] = {
            "alarms": default_alarms(sensor_alarm_kinds(world.sensors[sensor_uuid])),
            "updated_at": joined,
        }
    world.device_alarms[logger.device_uuid] = {
        "alarms": default_alarms(device_alarm_kinds(world.devices[logger.device_uuid])),
        "updated_at": joined,
    }


def _detach(world: World, logger: VirtualLogger) -> None:
    """A logger moving to another site stops feeding the measuring objects of its old one."""
    moving = set(logger.sensor_uuids)
    for doc in world.measuring_objects.values():
        for channel in doc["logical_channels"]:
            ref = channel.get("sensor_channel")
            if ref is not None and ref["sensor_uuid"] in moving:
                channel["sensor_channel"] = None
