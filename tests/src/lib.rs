//! Black-box tests live in `tests/tests/`; golden cases in `tests/golden/`.
