# Runs the fuzzer on a copy of the checked-in corpus, so the checkout stays untouched.
# -D FUZZER=<exe> -D CORPUS=<dir> -D WORK=<dir> -D SECONDS=<n>
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}/artifacts")
file(COPY "${CORPUS}/" DESTINATION "${WORK}/corpus")
execute_process(
    COMMAND "${FUZZER}" -max_total_time=${SECONDS} -timeout=10 -rss_limit_mb=2048
            -max_len=65536 -print_final_stats=1 -artifact_prefix=${WORK}/artifacts/
            "${WORK}/corpus"
    RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "fuzzer failed (exit ${rc}); reproducer in ${WORK}/artifacts")
endif()
