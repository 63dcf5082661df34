"""The recording's view of the program's output: ``sys.stdout`` and ``sys.stderr`` stand-ins that
keep every byte written (and pass it on to the page as it is written), so each recorded step can
say how much had been printed when it happened.
"""

import io


class Discard(io.TextIOBase):
    """Where a repr() that prints writes while we take values: nowhere."""

    def writable(self):
        return True

    def write(self, text):
        return len(text)


class Tee(io.RawIOBase):
    """The bytes of one of Python's standard streams: kept for the recording, passed on to
    the stream the page shows as they are written."""

    def __init__(self, stream):
        super().__init__()
        self.stream = stream
        self.data = bytearray()
        self.name = getattr(stream, "name", None)

    def writable(self):
        return True

    def write(self, data):
        self.data += data
        self.stream.buffer.write(data)
        self.stream.buffer.flush()
        return len(data)


def teed(stream):
    # A text stream like the one it stands in for (encoding, error handler, line buffering),
    # writing through so every write reaches the tee at once and offsets are exact.
    tee = Tee(stream)
    text = io.TextIOWrapper(tee, encoding=stream.encoding, errors=stream.errors,
                            line_buffering=stream.line_buffering, write_through=True)
    return tee, text


def utf16_offsets(data, offsets):
    """Byte offsets of ``data`` (each at a write boundary) as offsets in the decoded text
    counted in UTF-16 code units: JavaScript string indices, which is how readers slice."""
    result = {}
    done_bytes = 0
    done_units = 0
    for offset in sorted(set(offsets)):
        piece = data[done_bytes:offset].decode("utf-8", "surrogateescape")
        done_units += len(piece.encode("utf-16-le", "surrogatepass")) // 2
        done_bytes = offset
        result[offset] = done_units
    return result

