# CPack settings shared by every generator. The platform files (linux/, windows/,
# macos/) set CPACK_GENERATOR and their generator's own variables before this.

set(CPACK_PACKAGE_NAME "ringchat")
set(CPACK_PACKAGE_VENDOR "Ring Chat")
set(CPACK_PACKAGE_CONTACT "${RINGCHAT_PACKAGE_CONTACT}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION
    "Ring Chat signs you in through your browser, keeps your session in the system keychain, \
shows typing indicators, presence and read receipts, keeps an offline cache so history opens \
at once, and delivers every message you write exactly once. Also installs ringchat-cli, the \
same client for scripts.")
# CPACK_PACKAGE_VERSION defaults to PROJECT_VERSION: the single source of the version.
set(CPACK_PACKAGE_INSTALL_DIRECTORY "Ring Chat")
# Release binaries carry no debug info in the package (RelWithDebInfo keeps it in the build tree).
set(CPACK_STRIP_FILES ON)
# Values (NSIS commands with backslashes, quotes) reach the generators exactly as written here.
set(CPACK_VERBATIM_VARIABLES ON)
set(CPACK_SOURCE_GENERATOR "")
set(CPACK_PACKAGE_DIRECTORY "${PROJECT_BINARY_DIR}/packages")
if(NOT CPACK_GENERATOR)
    set(CPACK_GENERATOR "TGZ")
endif()

include(CPack)
