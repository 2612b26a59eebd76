# Sourced by ./fabricscope and ./build: sets FABRICSCOPE_JAVA_HOME to a JDK >= 25 or explains what is missing.
# Order: $JAVA_HOME if suitable, then every JDK under $FABRICSCOPE_JVM_DIR (default /usr/lib/jvm), newest first.

fabricscope_java_major() { # prints the feature version of the JDK in $1, or nothing
    # the JDK's release file says it for free; only without one is the JVM asked (a whole JVM start)
    if [ -f "$1/release" ]; then
        sed -n 's/^JAVA_VERSION="\(1\.\)\{0,1\}\([0-9]*\).*/\2/p' "$1/release" | head -n 1
    else
        "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
    fi
}

fabricscope_find_jdk() {
    local candidates=() dir major
    [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
    for dir in $(ls -d "${FABRICSCOPE_JVM_DIR:-/usr/lib/jvm}"/*/ 2>/dev/null | sort -rV); do candidates+=("${dir%/}"); done
    for dir in "${candidates[@]}"; do
        [ -x "$dir/bin/java" ] && [ -x "$dir/bin/javac" ] || continue
        major=$(fabricscope_java_major "$dir")
        if [ -n "$major" ] && [ "$major" -ge 25 ]; then
            FABRICSCOPE_JAVA_HOME="$dir"
            return 0
        fi
    done
    echo "fabricscope: no JDK >= 25 found (checked \$JAVA_HOME${JAVA_HOME:+=$JAVA_HOME} and ${FABRICSCOPE_JVM_DIR:-/usr/lib/jvm}/*); install one (e.g. apt-get install openjdk-25-jdk or temurin-25-jdk) or set JAVA_HOME" >&2
    return 1
}
