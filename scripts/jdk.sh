# Sourced by ./fabricscope and ./build: sets FABRICSCOPE_JAVA_HOME to a JDK >= 25 or explains what is missing.
# Order: $JAVA_HOME if suitable, then every JDK under $FABRICSCOPE_JVM_DIR (default /usr/lib/jvm), newest first.

fabricscope_java_major() { # sets fabricscope_major to the feature version of the JDK in $1 ("" if unknown)
    # the JDK's release file says it for free (read with builtins: every run of the launcher comes here, and
    # each process it starts costs milliseconds); only without one is the JVM asked (a whole JVM start)
    fabricscope_major=""
    if [ -f "$1/release" ]; then
        local line
        while IFS= read -r line || [ -n "$line" ]; do
            case $line in
                JAVA_VERSION=*)
                    line=${line#JAVA_VERSION=}
                    line=${line//\"/}
                    line=${line#1.}
                    fabricscope_major=${line%%[!0-9]*}
                    return 0 ;;
            esac
        done < "$1/release"
    else
        fabricscope_major=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1)
    fi
}

fabricscope_find_jdk() {
    local candidates=() dir
    [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
    for dir in $(ls -d "${FABRICSCOPE_JVM_DIR:-/usr/lib/jvm}"/*/ 2>/dev/null | sort -rV); do candidates+=("${dir%/}"); done
    for dir in "${candidates[@]}"; do
        [ -x "$dir/bin/java" ] && [ -x "$dir/bin/javac" ] || continue
        fabricscope_java_major "$dir"
        if [ -n "$fabricscope_major" ] && [ "$fabricscope_major" -ge 25 ]; then
            FABRICSCOPE_JAVA_HOME="$dir"
            return 0
        fi
    done
    echo "fabricscope: no JDK >= 25 found (checked \$JAVA_HOME${JAVA_HOME:+=$JAVA_HOME} and ${FABRICSCOPE_JVM_DIR:-/usr/lib/jvm}/*); install one (e.g. apt-get install openjdk-25-jdk or temurin-25-jdk) or set JAVA_HOME" >&2
    return 1
}

fabricscope_snapshot_jar() { # for the developer scripts: builds once, finds the JDK, copies the jar to $2 (project root $1)
    # a copy, because a launcher that rebuilt in the middle of a long run would mix two versions
    "$1/fabricscope" --version >/dev/null || return 1
    fabricscope_find_jdk || return 1
    cp "$1/target/fabricscope.jar" "$2"
}
