"""Every read of a document and every write of an artifact goes through this package.

- :mod:`.paths`: paths kept inside a root, walked without following links;
- :mod:`.reading`: regular files only, opened non-blocking, bounded;
- :mod:`.writing`: atomic writes that never follow a link or replace an input;
- :mod:`.batch`: several outputs at once, with distinct names, all or none.
"""

from __future__ import annotations

from gpai_docs.fileio.batch import check_names, write_batch
from gpai_docs.fileio.paths import NotRegularFile, Refused, check_folder, file_kind, folder
from gpai_docs.fileio.reading import (
    hash_inside,
    hash_regular,
    open_regular,
    read_inside,
    read_regular,
)
from gpai_docs.fileio.writing import (
    OutputFolder,
    file_ids,
    refused_error,
    write_bytes_atomic,
    write_text_atomic,
    write_user_file,
)

__all__ = [
    "NotRegularFile",
    "OutputFolder",
    "Refused",
    "check_folder",
    "check_names",
    "file_ids",
    "file_kind",
    "folder",
    "hash_inside",
    "hash_regular",
    "open_regular",
    "read_inside",
    "read_regular",
    "refused_error",
    "write_batch",
    "write_bytes_atomic",
    "write_text_atomic",
    "write_user_file",
]
