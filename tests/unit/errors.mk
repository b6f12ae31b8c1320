# tests/unit/errors.mk: unit tests of this topic (owned by its module).
