#pragma once

namespace kanri {

// Tunes glibc's allocator for a process that parses, renders and diffs the same large documents
// again and again (the window, keystroke after keystroke): buffers up to 32 MiB come from the
// heap instead of fresh mappings, and freed memory stays in the process (up to 256 MiB) for the
// next keystroke instead of going back to the system. Otherwise a large buffer is a fresh
// mapping whose every page faults in anew (20-40 us each on a virtual machine): a keystroke in
// a 646 KB CRD took 13-30 ms instead of 1 ms for its first ten edits (README, Benchmarks).
// Call once, first thing in main(). A no-op where the allocator is not glibc's (sanitizers).
void keepFreedMemoryForReuse();

} // namespace kanri
