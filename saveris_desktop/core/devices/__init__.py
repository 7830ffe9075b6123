"""The loggers of a site: watching and listing them, their table rows, editing their settings
(ranges, units, alarm rules, presets, measuring objects) and the one apply-or-queue."""
