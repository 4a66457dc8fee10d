# shellcheck shell=bash
# Shared set-up for bin/shardgate, scripts/demo and scripts/test. Source it; it defines functions only.
#
# Every ensure_* function is quiet and changes nothing when what it checks is already there. When
# something is missing it installs it with apt-get if we are root on Debian/Ubuntu, and otherwise
# prints the exact command to run and exits 1.

SG_MIN_JAVA=25
SG_JVM_DIR=${SG_JVM_DIR:-/usr/lib/jvm}   # where JDKs are searched; settable to test these functions

sg_say() {
    echo "shardgate: $*" >&2
}

sg_die() {
    sg_say "$*"
    exit 1
}

sg_is_root() {
    [ "$(id -u)" -eq 0 ]
}

sg_can_apt() {
    sg_is_root && command -v apt-get >/dev/null 2>&1
}

# apt-get update at most once per script run.
sg_apt_update() {
    if [ -z "${_SG_APT_UPDATED:-}" ]; then
        sg_say "running apt-get update"
        apt-get update -qq >&2 || return 1
        _SG_APT_UPDATED=1
    fi
}

# apt-get install of the given packages. A package's maintainer script may start a system service
# (mariadb-server does); our tests and the demo start their own servers, so when the machine has no
# policy-rc.d we put one in place for the install that forbids starting services, and remove it after.
sg_apt_install() {
    sg_apt_update || return 1
    sg_say "installing $* with apt-get"
    (
        policy=/usr/sbin/policy-rc.d
        if [ ! -e "$policy" ]; then
            printf '#!/bin/sh\n# temporary, from ShardGate scripts/lib.sh: install without starting services\nexit 101\n' >"$policy"
            chmod 755 "$policy"
            trap 'rm -f "$policy"' EXIT
        fi
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >&2
    )
}

# --- Java -------------------------------------------------------------------------------------------

# The full version of the JDK at $1 ("25.0.3", "1.8.0_392"), from its release file or java -version.
# Fails when $1 is not a JDK (a JRE has no javac, and Maven needs one).
sg_jdk_version() {
    local home=$1 version=
    [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 1
    if [ -r "$home/release" ]; then
        version=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$home/release" | head -n 1)
    fi
    if [ -z "$version" ]; then
        version=$("$home/bin/java" -version 2>&1 | sed -n 's/.* version "\([^"]*\)".*/\1/p' | head -n 1)
    fi
    [ -n "$version" ] || return 1
    echo "$version"
}

# "25.0.3" -> 25, "1.8.0_392" -> 8, "26-ea" -> 26
sg_java_major() {
    local version=${1#1.}
    version=${version%%[!0-9]*}
    echo "${version:-0}"
}

# Prints the home of a JDK >= 25: JAVA_HOME when it is one, else the highest version under
# /usr/lib/jvm (any vendor). Fails, printing nothing, when there is none.
find_java25() {
    local version candidate best='' best_version=''
    if [ -n "${JAVA_HOME:-}" ] && version=$(sg_jdk_version "$JAVA_HOME") \
            && [ "$(sg_java_major "$version")" -ge "$SG_MIN_JAVA" ]; then
        echo "$JAVA_HOME"
        return 0
    fi
    for candidate in "$SG_JVM_DIR"/*/; do
        candidate=${candidate%/}
        version=$(sg_jdk_version "$candidate") || continue
        [ "$(sg_java_major "$version")" -ge "$SG_MIN_JAVA" ] || continue
        if [ -z "$best" ] || [ "$(printf '%s\n%s\n' "$best_version" "$version" | sort -V | tail -n 1)" != "$best_version" ]; then
            best=$candidate
            best_version=$version
        fi
    done
    [ -n "$best" ] || return 1
    echo "$best"
}

sg_java_install_hint() {
    cat >&2 <<EOF
shardgate: ShardGate needs a JDK $SG_MIN_JAVA or newer, and found none (looked at JAVA_HOME and $SG_JVM_DIR/*).
  Install one, then run this again:
    - where your distribution packages it:  sudo apt-get install -y openjdk-25-jdk-headless
    - on Debian 12 (which does not):        Eclipse Temurin 25, package temurin-25-jdk from Adoptium's apt repository
  or set JAVA_HOME to a JDK $SG_MIN_JAVA+ installed anywhere else.
EOF
}

# Exports JAVA_HOME as a JDK >= 25 and puts its bin first on PATH; installs one when root and possible.
ensure_java() {
    local home
    if ! home=$(find_java25); then
        if sg_can_apt; then
            # Debian 12 has no such package; then only the hint below helps.
            if sg_apt_update && apt-cache show openjdk-25-jdk-headless >/dev/null 2>&1; then
                sg_apt_install openjdk-25-jdk-headless || true
            fi
            home=$(find_java25) || { sg_java_install_hint; exit 1; }
        else
            sg_java_install_hint
            exit 1
        fi
    fi
    export JAVA_HOME=$home
    case ":$PATH:" in
        *":$JAVA_HOME/bin:"*) ;;
        *) export PATH="$JAVA_HOME/bin:$PATH" ;;
    esac
}

# --- Maven ------------------------------------------------------------------------------------------

ensure_maven() {
    command -v mvn >/dev/null 2>&1 && return 0
    if sg_can_apt; then
        sg_apt_install maven || sg_die "could not install Maven; run: sudo apt-get install -y maven"
        command -v mvn >/dev/null 2>&1 || sg_die "installed maven but mvn is not on PATH"
    else
        sg_die "Maven (mvn) is not installed; run: sudo apt-get install -y maven"
    fi
}

# --- MariaDB ----------------------------------------------------------------------------------------

# Where the tests and the demo look for the MariaDB programs: MARIADB_HOME when set (as
# io.shardgate.mariadb.MariaDbInstallation does), else PATH plus the sbin directories, which a normal
# user's PATH often lacks although mariadbd lives there.
sg_find_program() {
    local name=$1 dir
    if [ -n "${MARIADB_HOME:-}" ]; then
        for dir in "$MARIADB_HOME" "$MARIADB_HOME/bin" "$MARIADB_HOME/sbin" "$MARIADB_HOME/scripts"; do
            [ -x "$dir/$name" ] && [ -f "$dir/$name" ] && return 0
        done
        return 1
    fi
    PATH="$PATH:/usr/sbin:/usr/bin:/sbin:/usr/local/mysql/bin" command -v "$name" >/dev/null 2>&1
}

sg_missing_mariadb() {
    local missing=() name
    for name in mariadbd mariadb-install-db; do
        sg_find_program "$name" || missing+=("$name")
    done
    # The tests run the client from PATH, whatever MARIADB_HOME says.
    command -v mariadb >/dev/null 2>&1 || missing+=(mariadb)
    echo "${missing[*]}"
}

ensure_mariadb() {
    local missing
    missing=$(sg_missing_mariadb)
    [ -z "$missing" ] && return 0
    if sg_can_apt && [ -z "${MARIADB_HOME:-}" ]; then
        sg_say "MariaDB programs missing: $missing"
        sg_apt_install mariadb-server mariadb-client \
            || sg_die "could not install MariaDB; run: sudo apt-get install -y mariadb-server mariadb-client"
        missing=$(sg_missing_mariadb)
        [ -z "$missing" ] || sg_die "installed mariadb-server and mariadb-client, but still cannot find: $missing"
    elif [ -n "${MARIADB_HOME:-}" ]; then
        sg_die "MARIADB_HOME=$MARIADB_HOME lacks: $missing (or the mariadb client is not on PATH)." \
            "Fix MARIADB_HOME, or unset it and run: sudo apt-get install -y mariadb-server mariadb-client"
    else
        sg_die "MariaDB is not installed (missing: $missing); run: sudo apt-get install -y mariadb-server mariadb-client"
    fi
}

# --- The clients the integration tests drive ---------------------------------------------------------

SG_NODE_CLIENT_RELATIVE=it-tests/src/test/clients/node

# Debian packages of the external clients that are missing, one word each. Python is Debian's own
# interpreter (/usr/bin/python3), whatever python3 comes first on PATH: the packages are Debian's.
sg_missing_clients() {
    local missing=()
    /usr/bin/python3 -c 'import pymysql' >/dev/null 2>&1 || missing+=(python3-pymysql)
    /usr/bin/python3 -c 'import cryptography' >/dev/null 2>&1 || missing+=(python3-cryptography)
    command -v php >/dev/null 2>&1 || missing+=(php-cli)
    php -r 'exit(extension_loaded("pdo_mysql") ? 0 : 1);' >/dev/null 2>&1 || missing+=(php-mysql)
    command -v sysbench >/dev/null 2>&1 || missing+=(sysbench)
    # Node.js from elsewhere (NodeSource) brings its own npm, which Debian's npm package conflicts with
    command -v node >/dev/null 2>&1 || missing+=(nodejs)
    command -v npm >/dev/null 2>&1 || missing+=(npm)
    echo "${missing[*]}"
}

# Succeeds when the node client's modules are missing or older than its package-lock.json (npm ci
# writes node_modules/.package-lock.json).
sg_node_modules_stale() {
    local dir=$1
    [ -f "$dir/node_modules/.package-lock.json" ] || return 0
    [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ] \
        || [ "$dir/package.json" -nt "$dir/node_modules/.package-lock.json" ]
}

# The clients ExternalClientsIT and SysbenchIT run: PyMySQL, PHP PDO_MySQL, sysbench and Node.js from
# Debian's packages, and the pinned mysql2 from npm (npm ci, from npm's cache when it holds it).
ensure_clients() {
    local root=$1 missing
    missing=$(sg_missing_clients)
    if [ -n "$missing" ]; then
        # shellcheck disable=SC2086 # one package name per word
        if sg_can_apt; then
            sg_say "clients for the integration tests missing: $missing"
            sg_apt_install $missing || sg_die "could not install the clients; run: sudo apt-get install -y $missing"
            missing=$(sg_missing_clients)
            [ -z "$missing" ] || sg_die "installed the clients, but still missing: $missing"
        else
            sg_die "clients for the integration tests are not installed (missing: $missing); run: sudo apt-get install -y $missing"
        fi
    fi
    local dir=$root/$SG_NODE_CLIENT_RELATIVE
    sg_node_modules_stale "$dir" || return 0
    sg_say "installing the node client's modules (npm ci in $SG_NODE_CLIENT_RELATIVE)"
    (cd "$dir" && npm ci --prefer-offline --no-audit --no-fund --loglevel=error >&2) \
        || sg_die "npm ci failed in $dir"
}

# --- The distribution -------------------------------------------------------------------------------

SG_DIST_JAR_RELATIVE=proxy-server/target/shardgate-proxy-server.jar

# Succeeds when the distribution is missing or any build input (a pom.xml or a file under some
# module's src/main) is newer than its jar; proxy-server's pom makes the jar plugin rewrite the jar on
# every build, so its time is the build's. it-tests and test sources do not go into it.
sg_dist_stale() {
    local root=$1 jar=$1/$SG_DIST_JAR_RELATIVE
    [ -f "$jar" ] && [ -d "$root/proxy-server/target/lib" ] || return 0
    [ -n "$(find "$root" \( -name target -o -name .git -o -path "$root/it-tests" \) -prune -o \
        \( -name pom.xml -o -path '*/src/main/*' \) -type f -newer "$jar" -print -quit)" ]
}

# Exports MAVEN_OPTS for running Maven on JAVA_HOME. JDK 24+ warns on every sun.misc.Unsafe memory
# access, which Maven's own Guava makes; JDKs that know the option accept 'allow'.
sg_maven_opts() {
    local opt=--sun-misc-unsafe-memory-access=allow
    "$JAVA_HOME/bin/java" "$opt" -version >/dev/null 2>&1 || return 0
    case " ${MAVEN_OPTS:-} " in
        *" $opt "*) ;;
        *) export MAVEN_OPTS="${MAVEN_OPTS:+$MAVEN_OPTS }$opt" ;;
    esac
}

# Builds the distribution when stale. Needs JAVA_HOME (ensure_java).
# SHARDGATE_SKIP_BUILD=1 uses what is there as it is (the it-tests set it: the reactor has just built it).
ensure_dist() {
    local root=$1
    if [ "${SHARDGATE_SKIP_BUILD:-}" = 1 ]; then
        [ -f "$root/$SG_DIST_JAR_RELATIVE" ] \
            || sg_die "SHARDGATE_SKIP_BUILD=1 but $root/$SG_DIST_JAR_RELATIVE is missing"
        return 0
    fi
    sg_dist_stale "$root" || return 0
    ensure_maven
    sg_maven_opts
    # maven.test.skip: running ShardGate needs no test code, so tests being edited cannot block it.
    local build=(mvn -B -q -Dstyle.color=never -Dmaven.test.skip=true install -pl proxy-server -am)
    sg_say "building the distribution (${build[*]}); this takes a minute or two"
    # Kept in a file and shown only on failure: -q still prints colour resets on Maven 3.8.
    local log
    log=$(mktemp "${TMPDIR:-/tmp}/shardgate-build.XXXXXX")
    if ! (cd "$root" && "${build[@]}") >"$log" 2>&1; then
        cat "$log" >&2
        rm -f "$log"
        sg_die "the build failed; see the Maven output above"
    fi
    rm -f "$log"
}
