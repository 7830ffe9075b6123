"""The measuring objects this app created in this session, per site.

`GET /measuring-objects` is not among testo's documented operations: against a cloud that does not
offer it, the app cannot list a site's objects, but it knows the ones it created itself (the answer
of `POST /measuring-objects`, completed by core.devices.object_setup.as_created). Those stay usable for the
rest of the session: their instruction set and alarm limits can be set, presets applied. The memory
ends with the app; nothing of it is written to disk.
"""

from __future__ import annotations

from saveris_desktop.api.models import MeasuringObject


class KnownObjects:
    def __init__(self) -> None:
        self._by_site: dict[str, dict[str, MeasuringObject]] = {}

    def remember(self, site: str, obj: MeasuringObject) -> None:
        """Keep `obj` (created in `site`); an object without uuid was not created and is ignored."""
        if obj.uuid:
            self._by_site.setdefault(site, {})[obj.uuid] = obj

    def of_site(self, site: str) -> list[MeasuringObject]:
        """The objects created in `site`, oldest first."""
        return list(self._by_site.get(site, {}).values())

    def get(self, site: str, uuid: str) -> MeasuringObject | None:
        return self._by_site.get(site, {}).get(uuid)
