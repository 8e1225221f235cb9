# Writes OUTPUT (#define KANRI_GIT_COMMIT "...") with `git describe` of SOURCE_DIR, "unknown"
# outside a git checkout or without git; the file is rewritten only when the text changes.
set(commit unknown)
find_package(Git QUIET)
if(GIT_FOUND)
    execute_process(COMMAND ${GIT_EXECUTABLE} -C ${SOURCE_DIR} describe --always --tags --abbrev=12 --dirty
                    OUTPUT_VARIABLE described RESULT_VARIABLE status ERROR_QUIET
                    OUTPUT_STRIP_TRAILING_WHITESPACE)
    if(status EQUAL 0 AND described)
        set(commit ${described})
    endif()
endif()
set(text "#define KANRI_GIT_COMMIT \"${commit}\"\n")
if(EXISTS ${OUTPUT})
    file(READ ${OUTPUT} old)
endif()
if(NOT old STREQUAL text)
    file(WRITE ${OUTPUT} "${text}")
endif()
