# Windows: exe icon and version resource, Qt deployed next to the exe, NSIS installer.
# Installed layout (under C:\Program Files\Ring Chat):
#   bin\ringchat.exe, bin\ringchat-cli.exe, Qt DLLs, plugins\, qml\, qt6keychain.dll,
#   the MSVC runtime, and Uninstall.exe (written by NSIS).

# A GUI app: no console window behind it.
set_target_properties(ringchat PROPERTIES WIN32_EXECUTABLE ON)
configure_file(${CMAKE_CURRENT_SOURCE_DIR}/windows/ringchat.rc.in
               ${CMAKE_CURRENT_BINARY_DIR}/ringchat.rc @ONLY)
target_sources(ringchat PRIVATE ${CMAKE_CURRENT_BINARY_DIR}/ringchat.rc)

# --- Deployment ---------------------------------------------------------------
# windeployqt copies the Qt DLLs, platform/style/sql plugins and, with --qmldir, the
# QML modules our QML imports. We call it directly rather than through
# qt_generate_deploy_qml_app_script: in Qt 6.4 that script scans only the exe's own
# source folder for QML imports, and our QML lives in the separate RingChat module
# (qml/), so it would deploy no QML modules. --qmldir works the same on 6.4 to 6.8.
find_program(RINGCHAT_WINDEPLOYQT windeployqt
             HINTS "${QT6_INSTALL_PREFIX}/${QT6_INSTALL_BINS}" NO_DEFAULT_PATH)
if(NOT RINGCHAT_WINDEPLOYQT)
    message(WARNING "windeployqt not found next to Qt: the install tree will lack Qt's DLLs")
else()
    foreach(exe ringchat ringchat-cli)
        install(CODE "
            execute_process(
                COMMAND \"${RINGCHAT_WINDEPLOYQT}\"
                        --qmldir \"${RINGCHAT_QML_DIR}\"
                        --no-compiler-runtime
                        \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}/${exe}.exe\"
                RESULT_VARIABLE rc)
            if(NOT rc EQUAL 0)
                message(FATAL_ERROR \"windeployqt failed for ${exe}.exe (exit \${rc})\")
            endif()")
    endforeach()
endif()

# QtKeychain is not part of Qt, so windeployqt leaves it out.
get_target_property(keychain_target Qt6Keychain::Qt6Keychain ALIASED_TARGET)
if(NOT keychain_target)
    set(keychain_target Qt6Keychain::Qt6Keychain)
endif()
install(IMPORTED_RUNTIME_ARTIFACTS ${keychain_target}
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_BINDIR})

# sqlite3.dll: the store and the QSQLITE driver (rebuilt on it, see release.yml)
# share it; windeployqt does not copy it. vcpkg keeps it in bin/ beside include/.
find_file(RINGCHAT_SQLITE_DLL sqlite3.dll HINTS "${SQLite3_INCLUDE_DIR}/../bin" NO_DEFAULT_PATH)
if(RINGCHAT_SQLITE_DLL)
    install(FILES "${RINGCHAT_SQLITE_DLL}" DESTINATION ${CMAKE_INSTALL_BINDIR})
else()
    message(WARNING "sqlite3.dll not found beside ${SQLite3_INCLUDE_DIR}: the install tree will lack it")
endif()

# The MSVC runtime DLLs (vcruntime, msvcp), so no separate redistributable is needed.
set(CMAKE_INSTALL_SYSTEM_RUNTIME_DESTINATION ${CMAKE_INSTALL_BINDIR})
include(InstallRequiredSystemLibraries)

include(${CMAKE_CURRENT_SOURCE_DIR}/windows/nsis.cmake)
