"""`saveris-cli`: the app's headless face, for support, IT and automation.

It runs the very same `core/` and `api/` code as the window (site step, device watcher, editors'
rules, presets, first-contact check); this package only parses the command line, finds the password
and prints. No Qt is imported here, and the heavy modules (httpx, pydantic, the simulator) are
imported only once a command runs, so `saveris-cli --help` answers at once.
"""
