# macOS: ringchat.app (Info.plist, icon), Qt deployed into the bundle, DragNDrop .dmg.
# Installed layout (the .dmg's contents):
#   ringchat.app/Contents/{Info.plist, MacOS/ringchat, MacOS/ringchat-cli,
#                          Resources/ringchat.icns, Frameworks/, PlugIns/, Resources/qml/}
#   Applications -> /Applications (added by CPack)

# Qt 6.4 supports macOS 10.14 and later, Qt 6.5 and later macOS 11; the plist says
# what this build was made for.
if(CMAKE_OSX_DEPLOYMENT_TARGET)
    set(RINGCHAT_MACOS_MINIMUM "${CMAKE_OSX_DEPLOYMENT_TARGET}")
else()
    set(RINGCHAT_MACOS_MINIMUM "11.0")
endif()
set(RINGCHAT_MACOS_SIGN_IDENTITY "-" CACHE STRING
    "codesign identity for the bundle: '-' signs ad hoc, 'Developer ID Application: ...' for release")
option(RINGCHAT_REGISTER_URL_SCHEME "The bundle registers Ring Chat for ringchat:// links" ON)

set(RINGCHAT_PLIST_URL_TYPES "")
if(RINGCHAT_REGISTER_URL_SCHEME)
    set(RINGCHAT_PLIST_URL_TYPES "
    <key>CFBundleURLTypes</key>
    <array>
        <dict>
            <key>CFBundleURLName</key>
            <string>${RINGCHAT_APP_ID}</string>
            <key>CFBundleURLSchemes</key>
            <array>
                <string>ringchat</string>
            </array>
        </dict>
    </array>")
endif()
configure_file(${CMAKE_CURRENT_SOURCE_DIR}/macos/Info.plist.in
               ${CMAKE_CURRENT_BINARY_DIR}/Info.plist @ONLY)

set(icns ${RINGCHAT_ICON_DIR}/ringchat.icns)
set_target_properties(ringchat PROPERTIES
    MACOSX_BUNDLE ON
    MACOSX_BUNDLE_INFO_PLIST ${CMAKE_CURRENT_BINARY_DIR}/Info.plist)
target_sources(ringchat PRIVATE ${icns})
set_source_files_properties(${icns} TARGET_DIRECTORY ringchat
                            PROPERTIES MACOSX_PACKAGE_LOCATION Resources)

# --- Deployment ---------------------------------------------------------------
# The app's install(TARGETS) predates MACOSX_BUNDLE being set here, so the bundle
# may land in bin/; this moves it to the top, puts ringchat-cli inside it (so it
# shares the bundle's Qt), then runs macdeployqt with -qmldir, which copies Qt's
# frameworks, plugins and the QML modules our QML imports, and signs the bundle.
# macdeployqt rather than qt_generate_deploy_qml_app_script: in Qt 6.4 that script
# scans only the exe's own source folder for QML imports, and ours are in qml/.
if(RINGCHAT_MACOS_SIGN_IDENTITY STREQUAL "-")
    set(sign_args "\"-codesign=-\"")
else()
    # Hardened runtime and a secure timestamp: what notarization requires.
    set(sign_args "\"-sign-for-notarization=${RINGCHAT_MACOS_SIGN_IDENTITY}\"")
endif()
find_program(RINGCHAT_MACDEPLOYQT macdeployqt
             HINTS "${QT6_INSTALL_PREFIX}/${QT6_INSTALL_BINS}" NO_DEFAULT_PATH)
if(NOT RINGCHAT_MACDEPLOYQT)
    message(WARNING "macdeployqt not found next to Qt: the bundle will lack Qt's frameworks")
else()
    install(CODE "
        set(prefix \"\${CMAKE_INSTALL_PREFIX}\")
        set(app \"\${prefix}/ringchat.app\")
        if(NOT EXISTS \"\${app}\" AND EXISTS \"\${prefix}/${CMAKE_INSTALL_BINDIR}/ringchat.app\")
            file(RENAME \"\${prefix}/${CMAKE_INSTALL_BINDIR}/ringchat.app\" \"\${app}\")
        endif()
        if(EXISTS \"\${prefix}/${CMAKE_INSTALL_BINDIR}/ringchat-cli\")
            file(RENAME \"\${prefix}/${CMAKE_INSTALL_BINDIR}/ringchat-cli\" \"\${app}/Contents/MacOS/ringchat-cli\")
        endif()
        file(REMOVE_RECURSE \"\${prefix}/${CMAKE_INSTALL_BINDIR}\")
        execute_process(
            COMMAND \"${RINGCHAT_MACDEPLOYQT}\" \"\${app}\"
                    \"-qmldir=${RINGCHAT_QML_DIR}\"
                    \"-executable=\${app}/Contents/MacOS/ringchat-cli\"
                    ${sign_args} -always-overwrite
            RESULT_VARIABLE rc)
        if(NOT rc EQUAL 0)
            message(FATAL_ERROR \"macdeployqt failed (exit \${rc})\")
        endif()")
endif()

# --- .dmg -----------------------------------------------------------------------
set(CPACK_GENERATOR "DragNDrop")
set(CPACK_DMG_VOLUME_NAME "Ring Chat")
set(CPACK_DMG_FORMAT "UDZO")
set(CPACK_PACKAGE_ICON "${icns}")
