# tests/unit/printf.mk: unit tests of this topic (owned by its module).
