"""The one exception tree of sitroom.

    SitroomError                 root; the CLI prints its message as one line and exits 1
    ├── InputError               a file or record that cannot become a document
    │   ├── UnsupportedFormat    a file type sitroom does not read
    │   ├── EmptyInput           nothing but whitespace
    │   ├── BinaryInput          bytes that are not text in any encoding
    │   ├── TooLarge             over the configured size limit
    │   └── BadRecord            a malformed .jsonl line or a record without text
    ├── RoomError                the DuckDB room cannot be opened or written
    │   ├── RoomBusy             another process is writing the room
    │   └── SchemaMismatch       the room was written by another schema version
    ├── ModelError               the spaCy pipeline asked for is not installed (or cannot be loaded)
    ├── WorkersDying             the worker processes keep dying: the build stops
    └── ExportError              an export that does not satisfy the contract
"""


class SitroomError(Exception):
    """Root of every error sitroom raises on purpose."""


class InputError(SitroomError):
    """A file or record that cannot become a document; the batch goes on without it."""

    stage = "ingest"


class UnsupportedFormat(InputError):
    pass


class EmptyInput(InputError):
    pass


class BinaryInput(InputError):
    pass


class TooLarge(InputError):
    pass


class BadRecord(InputError):
    pass


class RoomError(SitroomError):
    pass


class RoomBusy(RoomError):
    pass


class SchemaMismatch(RoomError):
    pass


class TooSlow(SitroomError):
    """One document took longer than its time budget; the batch goes on without it."""


class WorkersDying(SitroomError):
    """The worker processes die before they finish a document, again and again: the build stops."""


class ModelError(SitroomError):
    pass


class ExportError(SitroomError):
    pass
