// The source of the targets that build tests/pch/testpch.h's precompiled copies
// (tests/CMakeLists.txt); the test executables reuse them.
