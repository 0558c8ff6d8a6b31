//! Chart axes: a bounded number of "nice" ticks for any range (being written).
