<?php
/**
 * Loads the kit (one ES module) on the pages that show one of our widgets, and only there:
 * the renderer calls pyinnards_enqueue() when it outputs an element.
 *
 * WordPress 6.5 and later have the script-modules API, which prints a `type="module"` tag
 * itself; before that (6.1 to 6.4) the kit is enqueued as a classic script whose tag we turn
 * into a module tag.
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

/** Enqueues the kit once per page. */
function pyinnards_enqueue() {
	static $done = false;
	if ( $done ) {
		return;
	}
	$done = true;
	$src  = pyinnards_kit_url() . 'pyinnards.js';
	if ( function_exists( 'wp_enqueue_script_module' ) ) {
		wp_enqueue_script_module( 'pyinnards', $src, array(), PYINNARDS_VERSION );
		return;
	}
	wp_enqueue_script( 'pyinnards', $src, array(), PYINNARDS_VERSION, true );
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
