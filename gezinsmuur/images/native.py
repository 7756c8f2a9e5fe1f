"""Find a C library that an imported extension module has already loaded, for ctypes.

Pillow and pillow-heif ship their own copies of libwebp and libheif (renamed by auditwheel, e.g.
`libheif-65decb9a.so.1.23.7`); calling the very copy they loaded keeps one library, one set of
plugins and one set of security limits in the process. Linux only: elsewhere this finds nothing
and the callers fall back to Pillow.
"""

import ctypes
from pathlib import Path


def loaded_library(prefix: str, *symbols: str) -> ctypes.CDLL | None:
    """The mapped shared library whose file name starts with `prefix` and that has `symbols`."""
    try:
        maps = Path("/proc/self/maps").read_text()
    except OSError:
        return None
    paths = {
        line.split()[-1]
        for line in maps.splitlines()
        if line.split("/")[-1].startswith(prefix) and ".so" in line
    }
    for path in sorted(paths):
        library = ctypes.CDLL(path)
        if all(hasattr(library, symbol) for symbol in symbols):
            return library
    return None
