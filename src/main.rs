//! The binary only mounts the app; everything else lives in the library so that the
//! browser tests in `tests/` can reach it.

fn main() {
    blockvote::start();
}
