"""thidua: records, rankings, rotations and awards of Vietnam's emulation clusters."""

__version__ = "0.1.0"
