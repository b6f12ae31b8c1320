# tests/unit/heap.mk: unit tests of this topic (owned by its module).
