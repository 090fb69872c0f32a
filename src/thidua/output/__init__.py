"""The one layer that speaks: message catalogue, translation, numbers and dates, renderers."""
