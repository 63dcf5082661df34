"""Every standard-library module importable from the kit's trimmed python_stdlib.zip.

The kit ships a trimmed copy of Pyodide's python_stdlib.zip: the modules its helpers and common
teaching code import, as bytecode only (scripts/build-stdlib.mjs). `StdlibFallback` sits last on
sys.meta_path: when no other finder found a module of the standard library, it fetches Pyodide's
whole zip once (synchronously: the worker may block), puts it on sys.path after the trimmed one
and lets the path finder look again. So any stdlib import works; only the first one the trimmed
zip lacks costs the download.

`install` also makes the bytecode-only modules look as they do when Pyodide compiles them from
its own zip: `__file__` names the source (zipimport would name the .pyc), and their sources, which
tracebacks and inspect read, come from the kit's python_stdlib_sources.zip (or the whole zip, if
it is there already), fetched when Python first asks for one.
"""

import importlib.machinery
import sys
import zipimport

#: Where Pyodide puts the (trimmed) stdlib zip, and where the whole one goes.
TRIMMED_ZIP = "/lib/python314.zip"
FULL_ZIP = "/lib/python_stdlib_full.zip"
#: Where the sources of the trimmed zip's modules go.
SOURCES_ZIP = "/lib/python_stdlib_sources.zip"
#: In the trimmed zip: the module files of the whole one, a line each (so a module that Pyodide
#: doesn't have at all, like readline, which rlcompleter tries, costs no download).
INDEX = "pyinnards-stdlib-index.txt"


def _whole_zip_files():
    # zipimport, not zipfile: zipfile needs the cp437 codec, which the trimmed zip leaves out.
    try:
        return frozenset(zipimport.zipimporter(TRIMMED_ZIP).get_data(INDEX).decode().splitlines())
    except (OSError, zipimport.ZipImportError):
        return None  # no index: assume the whole zip may have it


class Download:
    """A zip the worker fetches into its file system the first time it is needed (once)."""

    def __init__(self, path, fetch):
        # fetch() returns the file's bytes (a JS Uint8Array), or raises.
        self.path = path
        self._fetch = fetch
        self.here = False

    def get(self):
        """The file's path, fetched first if it isn't here yet; raises what the fetch raised."""
        if not self.here:
            data = self._fetch()
            with open(self.path, "wb") as file:
                file.write(data.to_bytes() if hasattr(data, "to_bytes") else bytes(data))
            self.here = True
        return self.path


class StdlibFallback:
    """A meta path finder for the standard-library modules the trimmed zip lacks."""

    def __init__(self, fetch):
        self._whole = Download(FULL_ZIP, fetch)
        self._files = _whole_zip_files()

    @property
    def mounted(self):
        """Whether the whole zip is on sys.path."""
        return self._whole.here

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
        self.mount()
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

    def mount(self):
        """Fetches the whole zip and puts it on sys.path (once)."""
        if self.mounted:
            return
        self._whole.get()
        # A new path entry has no cached finder yet, so nothing needs invalidating (and
        # importlib.invalidate_caches() would import importlib.metadata, through this finder).
        sys.path.append(FULL_ZIP)


def _source_path(path):
    """The source's path for a bytecode-only module of the trimmed zip; any other path as it is."""
    if path.startswith(TRIMMED_ZIP + "/") and path.endswith(".pyc"):
        return path[:-1]
    return path


def _name_sources(fallback, fetch_sources):
    """zipimport's loader, for the trimmed zip: file names and sources as if it held sources."""
    loader = zipimport.zipimporter
    if getattr(loader, "_pyinnards_sources", False):
        return
    get_filename, get_source = loader.get_filename, loader.get_source
    sources = Download(SOURCES_ZIP, fetch_sources)

    def get_filename_of_source(self, fullname):
        return _source_path(get_filename(self, fullname))

    def get_source_from_sources_zip(self, fullname):
        source = get_source(self, fullname)
        if source is not None or self.archive != TRIMMED_ZIP:
            return source
        # The source's place in the zip, from its table of contents (get_filename would load the
        # module's code to tell).
        last = fullname.rpartition(".")[2]
        inner = self.prefix + last + ("/__init__.py" if self.is_package(fullname) else ".py")
        try:
            archive = FULL_ZIP if fallback.mounted else sources.get()
        except Exception:
            # (Offline, say.) A traceback still prints, without its stdlib lines; the next one
            # tries again.
            return None
        return zipimport.zipimporter(archive).get_data(inner).decode()

    loader.get_filename = get_filename_of_source
    loader.get_source = get_source_from_sources_zip
    loader._pyinnards_sources = True
    # The modules imported before now (Pyodide's start, the helpers) were named after their .pyc.
    for module in list(sys.modules.values()):
        path = getattr(module, "__file__", None)
        source = _source_path(path) if isinstance(path, str) else path
        if source == path:
            continue
        module.__file__ = source
        spec = getattr(module, "__spec__", None)
        if spec is not None:
            spec.origin = module.__file__
            spec.cached = None  # computed again from the origin, as for a source
            module.__cached__ = spec.cached


def install(fetch, fetch_sources):
    """Puts the fallback last on sys.meta_path (once), and names the trimmed zip's sources.

    fetch() and fetch_sources() return the bytes of Pyodide's whole zip and of the kit's
    python_stdlib_sources.zip (JS Uint8Arrays), or raise.
    """
    fallback = next((finder for finder in sys.meta_path if isinstance(finder, StdlibFallback)), None)
    if fallback is None:
        fallback = StdlibFallback(fetch)
        sys.meta_path.append(fallback)
    _name_sources(fallback, fetch_sources)
