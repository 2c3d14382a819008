# Read by cpack (CPACK_PROJECT_CONFIG_FILE) once per generator, at packaging time.
if(CPACK_GENERATOR STREQUAL "DEB" AND CPACK_DEBIAN_PACKAGE_SHLIBDEPS)
    find_program(RMSAM_DPKG_SHLIBDEPS dpkg-shlibdeps)
    find_program(RMSAM_FILE file)
    # CPack's DEB generator would quietly build a package without the Qt and QtKeychain
    # dependencies if dpkg-shlibdeps were missing.
    if(NOT RMSAM_DPKG_SHLIBDEPS OR NOT RMSAM_FILE)
        message(FATAL_ERROR "Building the .deb needs dpkg-shlibdeps and file to compute its "
            "dependencies: apt-get install dpkg-dev file")
    endif()
endif()
