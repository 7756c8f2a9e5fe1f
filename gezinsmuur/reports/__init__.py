"""Visitors report a tile; moderators decide. A report never hides a tile by itself."""
