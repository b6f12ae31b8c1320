# tests/unit/nls.mk: unit tests of this topic (owned by its module).
