// The source of the targets that build cmake/kanri_pch.h's precompiled copies
// (cmake/KanriLibraryPch.cmake); Kanri's libraries reuse them.
