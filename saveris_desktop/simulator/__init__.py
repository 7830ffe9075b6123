"""An in-memory, strict implementation of the Device Management API with virtual loggers. No Qt."""
