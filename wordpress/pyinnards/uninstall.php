<?php
/**
 * Deleting the plugin removes everything it stored: its one option (on every site of a network).
 *
 * @package pyinnards
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

if ( is_multisite() ) {
	foreach ( get_sites( array( 'fields' => 'ids' ) ) as $site_id ) {
		delete_blog_option( $site_id, 'pyinnards_settings' );
	}
} else {
	delete_option( 'pyinnards_settings' );
}
