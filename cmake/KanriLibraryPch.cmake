# Precompiled headers for Kanri's own static libraries (KANRI_PCH; tests/CMakeLists.txt has the
# tests' own). Parsing the Qt and standard headers was about a third of a library source's
# compile time in the sanitizer build (models/kustomize/selectors.cpp: 3.1 s of 9.8 s of CPU was
# parsing, the rest the instrumented code), and the ~190 library sources and their moc files
# parse nearly the same Qt headers again each.
#
# cmake/kanri_pch.h is precompiled twice, with the libraries' flags: kanri_lib_pch_core (Qt
# Core) and kanri_lib_pch_widgets (Qt Widgets, Gui and Core); every library under models/, ui/
# and app/ reuses the widgets one when its link closure brings Qt Widgets, else the core one.
# Applied from here so that the folders' CMakeLists.txt stay as they are. GCC takes a
# precompiled header only when the macros it tested are defined alike (none of Qt Core's headers
# tests QT_GUI_LIB or a module's macro) and the flags match; a mismatch is an error under
# -Werror (-Winvalid-pch), never a silently slow build. GCC only: the clang fuzz build
# (packaging/kanri.sh fuzz) gives kanri_hcl and kanri_core flags of their own.

# The static libraries defined in DIR and below.
function(kanri_collect_libraries dir out)
    set(found "")
    get_property(targets DIRECTORY ${dir} PROPERTY BUILDSYSTEM_TARGETS)
    foreach(target IN LISTS targets)
        get_target_property(type ${target} TYPE)
        if(type STREQUAL "STATIC_LIBRARY")
            list(APPEND found ${target})
        endif()
    endforeach()
    get_property(subdirs DIRECTORY ${dir} PROPERTY SUBDIRECTORIES)
    foreach(subdir IN LISTS subdirs)
        kanri_collect_libraries(${subdir} more)
        list(APPEND found ${more})
    endforeach()
    set(${out} ${found} PARENT_SCOPE)
endfunction()

# The widest Qt module in TARGET's link closure: "widgets", "gui", "core" or "". With
# FOLLOW_LINK_ONLY, a $<LINK_ONLY:...> entry (a static library's private dependency) is walked
# too; without it, it is not (it brings its dependents no compile definitions). The libraries
# (below) and the tests (tests/CMakeLists.txt) pick their precompiled header with it.
function(kanri_qt_closure target out)
    cmake_parse_arguments(Q "FOLLOW_LINK_ONLY" "" "" ${ARGN})
    get_target_property(todo ${target} LINK_LIBRARIES)
    set(seen "")
    set(rank 0)
    while(todo)
        list(POP_FRONT todo item)
        if(Q_FOLLOW_LINK_ONLY AND item MATCHES "^\\$<LINK_ONLY:(.*)>$")
            set(item ${CMAKE_MATCH_1})
        endif()
        if(NOT TARGET "${item}" OR item IN_LIST seen)
            continue()
        endif()
        list(APPEND seen ${item})
        get_target_property(aliased ${item} ALIASED_TARGET)
        if(aliased)
            set(item ${aliased})
        endif()
        if(item STREQUAL "Qt6::Widgets")
            set(rank 3)
        elseif(item STREQUAL "Qt6::Gui" AND rank LESS 2)
            set(rank 2)
        elseif(item STREQUAL "Qt6::Core" AND rank LESS 1)
            set(rank 1)
        endif()
        get_target_property(deps ${item} INTERFACE_LINK_LIBRARIES)
        if(deps)
            list(APPEND todo ${deps})
        endif()
    endwhile()
    set(modules "none;core;gui;widgets")
    list(GET modules ${rank} module)
    if(module STREQUAL "none")
        set(module "")
    endif()
    set(${out} "${module}" PARENT_SCOPE)
endfunction()

function(kanri_library_pch)
    if(NOT KANRI_PCH OR NOT CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
        return()
    endif()
    set(launcher "")
    if(CMAKE_CXX_COMPILER_LAUNCHER MATCHES "ccache")
        set(launcher ${CMAKE_COMMAND} -E env
            CCACHE_SLOPPINESS=pch_defines,time_macros,include_file_mtime,include_file_ctime
            ${CMAKE_CXX_COMPILER_LAUNCHER})
    endif()
    foreach(group IN ITEMS core widgets)
        add_library(kanri_lib_pch_${group} OBJECT ${PROJECT_SOURCE_DIR}/cmake/kanri_pch.cpp)
        target_precompile_headers(kanri_lib_pch_${group} PRIVATE
            ${PROJECT_SOURCE_DIR}/cmake/kanri_pch.h)
        target_link_libraries(kanri_lib_pch_${group} PRIVATE kanri_warnings)
        set_target_properties(kanri_lib_pch_${group} PROPERTIES AUTOMOC OFF)
        if(launcher)
            set_target_properties(kanri_lib_pch_${group} PROPERTIES CXX_COMPILER_LAUNCHER "${launcher}")
        endif()
    endforeach()
    target_link_libraries(kanri_lib_pch_core PRIVATE Qt6::Core)
    target_link_libraries(kanri_lib_pch_widgets PRIVATE Qt6::Widgets)

    set(libraries "")
    foreach(dir IN ITEMS models ui app)
        kanri_collect_libraries(${PROJECT_SOURCE_DIR}/${dir} found)
        list(APPEND libraries ${found})
    endforeach()
    foreach(target IN LISTS libraries)
        # Qt Gui's headers are not in kanri_pch.h: a Gui library takes the core one.
        kanri_qt_closure(${target} group FOLLOW_LINK_ONLY)
        if(NOT group)
            continue()
        elseif(group STREQUAL "gui")
            set(group core)
        endif()
        target_precompile_headers(${target} REUSE_FROM kanri_lib_pch_${group})
        if(launcher)
            set_target_properties(${target} PROPERTIES CXX_COMPILER_LAUNCHER "${launcher}")
        endif()
    endforeach()
endfunction()
