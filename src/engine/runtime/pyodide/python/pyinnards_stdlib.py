"""Every standard-library module importable from the kit's trimmed python_stdlib.zip.

The kit ships a trimmed copy of Pyodide's python_stdlib.zip: the modules its helpers and common
teaching code import (scripts/build-stdlib.mjs). `StdlibFallback` sits last on sys.meta_path:
when no other finder found a module of the standard library, it fetches Pyodide's whole zip once
(synchronously: the worker may block), puts it on sys.path after the trimmed one and lets the
path finder look again. So any stdlib import works; only the first one the trimmed zip lacks
costs the download.
"""

import importlib.machinery
import sys
import zipimport

#: Where Pyodide puts the (trimmed) stdlib zip, and where the whole one goes.
TRIMMED_ZIP = "/lib/python314.zip"
FULL_ZIP = "/lib/python_stdlib_full.zip"
#: In the trimmed zip: the module files of the whole one, a line each (so a module that Pyodide
#: doesn't have at all, like readline, which rlcompleter tries, costs no download).
INDEX = "pyinnards-stdlib-index.txt"


def _whole_zip_files():
    # zipimport, not zipfile: zipfile needs the cp437 codec, which the trimmed zip leaves out.
    try:
        return frozenset(zipimport.zipimporter(TRIMMED_ZIP).get_data(INDEX).decode().splitlines())
    except (OSError, zipimport.ZipImportError):
        return None  # no index: assume the whole zip may have it


class StdlibFallback:
    """A meta path finder for the standard-library modules the trimmed zip lacks."""

    def __init__(self, fetch):
        # fetch() returns the whole zip's bytes (a JS Uint8Array), or raises.
        self._fetch = fetch
        self._files = _whole_zip_files()
        self.mounted = False

    def _in_whole_zip(self, name):
        if self._files is None:
            return True
        stem = name.replace(".", "/")
        return f"{stem}.py" in self._files or f"{stem}/__init__.py" in self._files

    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] not in sys.stdlib_module_names or not self._in_whole_zip(name):
            return None
        if path is None and self.mounted:
            return None  # the path finder has looked in the whole zip already
        if not self.mounted:
            self._mount()
        if path is not None:
            # A submodule the trimmed zip left out: its package looks in the whole zip too.
            path = self._widen(name.rpartition(".")[0], path)
        return importlib.machinery.PathFinder.find_spec(name, path, target)

    @staticmethod
    def _widen(package, path):
        whole = [FULL_ZIP + entry[len(TRIMMED_ZIP):] for entry in path if entry.startswith(TRIMMED_ZIP)]
        extra = [entry for entry in whole if entry not in path]
        module = sys.modules.get(package)
        if extra and module is not None and isinstance(getattr(module, "__path__", None), list):
            module.__path__.extend(extra)
        return [*path, *extra]

    def _mount(self):
        data = self._fetch()
        with open(FULL_ZIP, "wb") as file:
            file.write(data.to_bytes() if hasattr(data, "to_bytes") else bytes(data))
        # A new path entry has no cached finder yet, so nothing needs invalidating (and
        # importlib.invalidate_caches() would import importlib.metadata, through this finder).
        sys.path.append(FULL_ZIP)
        self.mounted = True


def install(fetch):
    """Puts the fallback last on sys.meta_path (once)."""
    if not any(isinstance(finder, StdlibFallback) for finder in sys.meta_path):
        sys.meta_path.append(StdlibFallback(fetch))
