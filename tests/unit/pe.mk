# tests/unit/pe.mk: unit tests of this topic (owned by its module).
