# CPack settings, included at the end of the top-level CMakeLists.txt. Only the Debian package
# is produced by CPack (and built and tested by tests/packaging/deb-smoke.sh); the AppImage,
# Windows and macOS packages have their own recipes under packaging/ (see packaging/README.md).
#
#   cmake --build build --target package      # or: cd build && cpack -G DEB
#
# The package installs under /usr (CPack's default prefix for DEB), whatever
# CMAKE_INSTALL_PREFIX the build tree was configured with.

set(CPACK_PACKAGE_NAME roadmunk-sam)
set(CPACK_PACKAGE_VENDOR "Roadmunk SAM maintainers")
set(CPACK_PACKAGE_CONTACT "Roadmunk SAM maintainers <maintainers@users.noreply.r-seed-1da31286.example>")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Reclaim unused Roadmunk seats safely")
# Line breaks keep the Debian description within 80 columns.
string(CONCAT CPACK_PACKAGE_DESCRIPTION
    "Roadmunk SAM is a Software Asset Management tool for Roadmunk (Strategic\n"
    "Roadmaps by Tempo). It connects to a Roadmunk account through the GraphQL\n"
    "API, downloads who holds a seat, works out who stopped using it and reclaims\n"
    "unused seats safely, with an audit log. The API token is kept only in the\n"
    "desktop's Secret Service keychain (gnome-keyring, KWallet or KeePassXC).")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
# RelWithDebInfo binaries are several times larger with their debug information.
set(CPACK_STRIP_FILES ON)

set(CPACK_GENERATOR DEB)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER ${CPACK_PACKAGE_CONTACT})
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE ${PROJECT_HOMEPAGE_URL})
# dpkg-shlibdeps (package dpkg-dev) computes the shared-library dependencies: Qt, QtKeychain,
# libcurl4 (the SMTP relay, app/mail), libstdc++. Without it CPack would silently keep only the
# list below, so packaging/CPackProjectConfig.cmake stops the build of the package instead.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_PROJECT_CONFIG_FILE ${CMAKE_CURRENT_LIST_DIR}/CPackProjectConfig.cmake)
# What dpkg-shlibdeps cannot see, because Qt loads it as a plugin at run time:
#   libqt6sql6-sqlite  the QSQLITE driver the database uses
#   qt6-qpa-plugins    the xcb platform plugin (and the others)
#   libqt6svg6         the SVG icon engine: the app icon and the token show/hide icons are SVG
#   ca-certificates    the trusted certificates libcurl checks the SMTP relay's against (only a
#                      Recommends of libcurl4)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, qt6-qpa-plugins, libqt6svg6, ca-certificates")
# The token store needs a Secret Service (or KWallet) on the session bus; the app says so when
# there is none, and the command line works without a desktop, hence Recommends. qt6-wayland
# runs it natively on Wayland (it uses XWayland without); qt6-translations-l10n translates Qt's
# own dialogs and buttons. qt6-gtk-platformtheme hands Qt GNOME's palette (dark included) and
# file dialogs; KDE Plasma brings its own platform theme.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS
    "gnome-keyring | libkf5wallet-bin | keepassxc, qt6-wayland, qt6-translations-l10n")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "qt6-gtk-platformtheme")

include(CPack)
