# Linux: the freedesktop.org metadata next to the binaries, and the .deb settings.
# Layout under the prefix (/usr in the .deb):
#   bin/ringchat, bin/ringchat-cli                   (app/*/CMakeLists.txt)
#   share/applications/<id>.desktop
#   share/metainfo/<id>.metainfo.xml
#   share/icons/hicolor/<N>x<N>/apps/<id>.png, share/icons/hicolor/scalable/apps/<id>.svg
# The QML module is compiled into the binary (qrc:/RingChat), so no qml/ folder.

# The release date in the metainfo is the build date; SOURCE_DATE_EPOCH, when set,
# pins it for reproducible builds (string(TIMESTAMP) honours it).
string(TIMESTAMP RINGCHAT_RELEASE_DATE "%Y-%m-%d" UTC)
configure_file(${CMAKE_CURRENT_SOURCE_DIR}/linux/${RINGCHAT_APP_ID}.metainfo.xml.in
               ${CMAKE_CURRENT_BINARY_DIR}/${RINGCHAT_APP_ID}.metainfo.xml @ONLY)

install(FILES ${CMAKE_CURRENT_SOURCE_DIR}/linux/${RINGCHAT_APP_ID}.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/${RINGCHAT_APP_ID}.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
foreach(size IN LISTS RINGCHAT_ICON_SIZES)
    install(FILES ${RINGCHAT_ICON_DIR}/png/ringchat-${size}.png
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps
            RENAME ${RINGCHAT_APP_ID}.png)
endforeach()
install(FILES ${RINGCHAT_ICON_DIR}/ringchat.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps
        RENAME ${RINGCHAT_APP_ID}.svg)

# --- .deb ---------------------------------------------------------------------
# Shared-library Depends (libqt6core6, libqt6keychain1, ...) come from
# dpkg-shlibdeps. QML modules and plugins are loaded at run time, so shlibdeps
# cannot see them: they are listed here. tests/packaging/check-deb fails when a
# QML file imports a module whose Debian package is not in this list.
set(RINGCHAT_DEB_RUNTIME_DEPENDS
    # QML modules the UI imports, and the ones those modules import in turn
    qml6-module-qtqml                 # QtQml (imported by QtQuick)
    qml6-module-qtqml-models          # QtQml.Models (imported by QtQml: ListModel, DelegateModel)
    qml6-module-qtqml-workerscript    # QtQml.WorkerScript (imported by QtQml)
    qml6-module-qtquick               # QtQuick
    qml6-module-qtquick-window        # QtQuick.Window
    qml6-module-qtquick-controls      # QtQuick.Controls and its styles
    qml6-module-qtquick-templates     # QtQuick.Templates (every control style imports it;
                                      # Debian's controls package does not depend on it)
    qml6-module-qtquick-layouts       # QtQuick.Layouts
    qml6-module-qtquick-dialogs       # QtQuick.Dialogs (the file picker, Save as)
    qml6-module-qtcore                # QtCore (StandardPaths: the pickers' first folder)
    # plugins
    libqt6sql6-sqlite                 # the QSQLITE driver for the offline cache
    qt6-image-formats-plugins         # WebP pictures from the network (src/media)
    # data read at run time
    unicode-data                      # emoji/emoji-test.txt: the reaction picker's emoji and names
)
# libqt6keychain1 and libsimdjson14 come from shlibdeps (the app links QtKeychain and
# simdjson); naming them here too would list them twice. tests/packaging/check-deb fails if it is ever missing.
list(JOIN RINGCHAT_DEB_RUNTIME_DEPENDS ", " CPACK_DEBIAN_PACKAGE_DEPENDS)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Wayland sessions need the Wayland platform plugin (X11/XWayland works without it);
# xdg-open starts the browser for sign-in; a Secret Service provider keeps the tokens.
# A colour emoji font shows reactions and the picker (any desktop has one; Debian's is Noto).
# Spell check needs a Hunspell dictionary (libhunspell itself comes from shlibdeps).
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS
    "qt6-wayland, xdg-utils, gnome-keyring | kwalletmanager | keepassxc, fonts-noto-color-emoji, hunspell-en-us | hunspell-dictionary")
set(CPACK_DEBIAN_PACKAGE_SECTION "net")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)   # ringchat_<version>-1_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_NAME "ringchat")
set(CPACK_GENERATOR "DEB")
