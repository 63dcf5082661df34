<?php
/**
 * Where the kit and Pyodide come from, and the kit's loading: one ES module, only on the pages
 * that show one of our widgets.
 *
 * WordPress 6.5 and later have script modules: the kit is registered as the module `pyinnards`,
 * which each block.json names as its viewScriptModule, so WordPress enqueues it on the pages that
 * render a block. Before that (6.1 to 6.4) the kit is enqueued as a classic script whose tag we
 * turn into a module tag. The renderer calls pyinnards_enqueue() for every element it outputs,
 * which covers the shortcode on both.
 *
 * @package pyinnards
 */

defined( 'ABSPATH' ) || exit;

/** Whether the build step copied the kit into the plugin (kit/pyinnards.js). */
function pyinnards_has_local_kit() {
	return file_exists( plugin_dir_path( PYINNARDS_FILE ) . 'kit/pyinnards.js' );
}

/** The folder URL the kit is loaded from, with a trailing slash. */
function pyinnards_kit_url() {
	$settings = pyinnards_settings();
	if ( 'local' === $settings['kit'] && pyinnards_has_local_kit() ) {
		return plugins_url( 'kit/', PYINNARDS_FILE );
	}
	return trailingslashit( $settings['kit_url'] );
}

/** The Pyodide release the kit is built for: a site's copy must be this one. */
const PYINNARDS_PYODIDE_VERSION = '314.0.7';

/**
 * The site's copy of Pyodide: a folder under wp-content/uploads.
 *
 * @return array{dir: string, url: string}
 */
function pyinnards_site_pyodide() {
	$uploads = wp_upload_dir( null, false );
	$folder  = 'pyinnards/pyodide-' . PYINNARDS_PYODIDE_VERSION . '/';
	return array(
		'dir' => trailingslashit( $uploads['basedir'] ) . $folder,
		'url' => trailingslashit( $uploads['baseurl'] ) . $folder,
	);
}

/** The shell command that fetches Pyodide's files into the site's copy (npm's registry holds them). */
function pyinnards_pyodide_fetch_command() {
	$dir = pyinnards_site_pyodide()['dir'];
	return 'mkdir -p ' . escapeshellarg( $dir ) . ' && curl -fsSL https://registry.npmjs.org/pyodide/-/pyodide-' . PYINNARDS_PYODIDE_VERSION . '.tgz'
		. ' | tar -xz --strip-components=1 -C ' . escapeshellarg( $dir );
}

/**
 * The folder URL elements load Pyodide from, or '' for the kit's default (the public CDN).
 *
 * @return string
 */
function pyinnards_pyodide_url() {
	$settings = pyinnards_settings();
	switch ( $settings['pyodide'] ) {
		case 'cdn':
			return '';
		case 'url':
			return $settings['pyodide_url'];
		default:
			return pyinnards_site_pyodide()['url'];
	}
}

/**
 * What the site sets on every element that runs Python (an element's own choice wins): the
 * default interpreter and where Pyodide comes from, as HTML attribute => value.
 *
 * @return array<string, string>
 */
function pyinnards_element_defaults() {
	$settings = pyinnards_settings();
	$defaults = array( 'engine' => 'skulpt' === $settings['engine'] ? 'skulpt' : 'pyodide' );
	$pyodide  = pyinnards_pyodide_url();
	if ( '' !== $pyodide ) {
		$defaults['pyodide-url'] = $pyodide;
	}
	return $defaults;
}

/** Registers the kit as the script module `pyinnards` (WordPress 6.5 and later). */
function pyinnards_register_kit() {
	if ( function_exists( 'wp_register_script_module' ) ) {
		wp_register_script_module( 'pyinnards', pyinnards_kit_url() . 'pyinnards.js', array(), PYINNARDS_VERSION );
	}
}

/** Enqueues the kit once per page. */
function pyinnards_enqueue() {
	static $done = false;
	if ( $done ) {
		return;
	}
	$done = true;
	if ( function_exists( 'wp_enqueue_script_module' ) ) {
		wp_enqueue_script_module( 'pyinnards' );
		return;
	}
	wp_enqueue_script( 'pyinnards', pyinnards_kit_url() . 'pyinnards.js', array(), PYINNARDS_VERSION, true );
}

/**
 * Before the script-modules API, a script tag can only become a module tag here.
 *
 * @param string $tag    The tag WordPress made.
 * @param string $handle The script's handle.
 * @param string $src    The script's URL.
 * @return string
 */
function pyinnards_module_tag( $tag, $handle, $src ) {
	if ( 'pyinnards' !== $handle ) {
		return $tag;
	}
	return '<script type="module" src="' . esc_url( $src ) . '" id="pyinnards-js"></script>' . "\n";
}
add_filter( 'script_loader_tag', 'pyinnards_module_tag', 10, 3 );
