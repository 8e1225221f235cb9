# Runs lupdate over every tr() in app/, ui/ and models/, the one way Kanri's .ts files are
# written: `kanri_lupdate` updates them (MODE update), the test `translations_current` checks
# that an update would change nothing (MODE check: no message dropped, none added untranslated).
# cmake -DLUPDATE=PATH -DSOURCE_DIR=PROJECT_ROOT -DMODE=update|check [-DWORK_DIR=DIR] -P lupdate.cmake
file(GLOB_RECURSE sources
     ${SOURCE_DIR}/app/*.cpp ${SOURCE_DIR}/app/*.h
     ${SOURCE_DIR}/ui/*.cpp ${SOURCE_DIR}/ui/*.h
     ${SOURCE_DIR}/models/*.cpp ${SOURCE_DIR}/models/*.h)
list(SORT sources)
set(ts_dir ${SOURCE_DIR}/resources/translations)
if(MODE STREQUAL "check")
    file(REMOVE_RECURSE ${WORK_DIR})
    file(MAKE_DIRECTORY ${WORK_DIR})
    file(COPY ${ts_dir}/kanri_ja.ts ${ts_dir}/kanri_en.ts DESTINATION ${WORK_DIR})
    set(out_dir ${WORK_DIR})
elseif(MODE STREQUAL "update")
    set(out_dir ${ts_dir})
else()
    message(FATAL_ERROR "MODE must be update or check")
endif()

# lupdate resolves includes to learn each class's namespace (the translation context): it needs
# the include roots. English only needs its plural forms; Japanese every string.
foreach(language IN ITEMS ja en)
    set(extra "")
    if(language STREQUAL "en")
        set(extra -pluralonly)
    endif()
    execute_process(
        COMMAND ${LUPDATE} -I ${SOURCE_DIR}/models -I ${SOURCE_DIR} ${sources}
                -ts ${out_dir}/kanri_${language}.ts -no-obsolete -locations none
                -source-language en -target-language ${language} ${extra}
        RESULT_VARIABLE status OUTPUT_VARIABLE output ERROR_VARIABLE output)
    if(NOT status EQUAL 0)
        message(FATAL_ERROR "lupdate failed for kanri_${language}.ts:\n${output}")
    endif()
    if(MODE STREQUAL "check")
        file(READ ${ts_dir}/kanri_${language}.ts before)
        file(READ ${out_dir}/kanri_${language}.ts after)
        if(NOT before STREQUAL after)
            string(REGEX MATCHALL "Found [^\n]*|Removed [^\n]*" summary "${output}")
            message(FATAL_ERROR
                "resources/translations/kanri_${language}.ts is not what kanri_lupdate writes "
                "(${summary}): a tr() text or its context changed without the .ts. Run "
                "`cmake --build BUILD --target kanri_lupdate`, translate what it marks "
                "type=\"unfinished\", and compare ${out_dir}/kanri_${language}.ts.")
        endif()
    endif()
endforeach()
