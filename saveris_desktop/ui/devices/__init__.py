"""The live device list of a site and the tabbed editors of one logger (issue 5)."""

from saveris_desktop.ui.devices.view import DevicesView

__all__ = ["DevicesView"]
