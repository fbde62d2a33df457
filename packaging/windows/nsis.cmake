# CPack NSIS: the Windows installer. Start-menu and desktop shortcuts, an uninstaller
# (Add/Remove Programs entry), and optionally the ringchat:// link handler.
# Kept apart from windows.cmake so it can be tried with makensis on Linux
# (packaging/windows/try-nsis, see packaging/README.md).
option(RINGCHAT_REGISTER_URL_SCHEME "Installer registers Ring Chat for ringchat:// links" ON)

set(CPACK_GENERATOR "NSIS;ZIP")
set(CPACK_NSIS_PACKAGE_NAME "Ring Chat")
set(CPACK_NSIS_DISPLAY_NAME "Ring Chat")
set(CPACK_PACKAGE_INSTALL_REGISTRY_KEY "Ring Chat")
set(CPACK_NSIS_MUI_ICON "${RINGCHAT_ICON_DIR}/ringchat.ico")
set(CPACK_NSIS_MUI_UNIICON "${RINGCHAT_ICON_DIR}/ringchat.ico")
# Icon in Add/Remove Programs; NSIS paths take backslashes.
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\ringchat.exe")
set(CPACK_NSIS_UNINSTALL_NAME "Uninstall")
# Start menu "Ring Chat" -> bin\ringchat.exe, plus a desktop shortcut the user may untick.
set(CPACK_NSIS_EXECUTABLES_DIRECTORY "bin")
set(CPACK_PACKAGE_EXECUTABLES "ringchat" "Ring Chat")
set(CPACK_CREATE_DESKTOP_LINKS "ringchat")
set(CPACK_NSIS_MUI_FINISHPAGE_RUN "ringchat.exe")
# Upgrades remove the old version first instead of installing over it.
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_NSIS_MODIFY_PATH OFF)

if(RINGCHAT_REGISTER_URL_SCHEME)
    # SHCTX is HKLM for an all-users install and HKCU for a per-user one (CPack's
    # template picks via SetShellVarContext). CPACK_VERBATIM_VARIABLES keeps the
    # backslashes and quotes as written.
    set(CPACK_NSIS_EXTRA_INSTALL_COMMANDS [=[
  WriteRegStr SHCTX "Software\Classes\ringchat" "" "URL:Ring Chat"
  WriteRegStr SHCTX "Software\Classes\ringchat" "URL Protocol" ""
  WriteRegStr SHCTX "Software\Classes\ringchat\DefaultIcon" "" "$INSTDIR\bin\ringchat.exe,0"
  WriteRegStr SHCTX "Software\Classes\ringchat\shell\open\command" "" '"$INSTDIR\bin\ringchat.exe" "%1"'
]=])
    set(CPACK_NSIS_EXTRA_UNINSTALL_COMMANDS [=[
  DeleteRegKey SHCTX "Software\Classes\ringchat"
]=])
endif()
