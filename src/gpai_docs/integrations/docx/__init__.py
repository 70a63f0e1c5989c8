"""Word (.docx) in: a safe reader (:mod:`.reading`) and the import built on it."""
