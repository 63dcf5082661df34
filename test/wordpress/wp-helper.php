<?php
/**
 * What the end-to-end test asks of its WordPress, run as `php wp-helper.php DOCROOT ORIGIN
 * COMMAND JSON`: it loads WordPress from DOCROOT (wp-cli is not in Debian bookworm) and prints
 * the answer as JSON.
 *
 * Commands: install, activate, uninstall, post (as a user, through wp_insert_post and so through
 * the same kses filters as the editor's saves), option-get, option-set.
 */

[, $docroot, $origin, $command, $json] = $argv;
$args = json_decode( $json, true );

$_SERVER['HTTP_HOST']   = parse_url( $origin, PHP_URL_HOST ) . ':' . parse_url( $origin, PHP_URL_PORT );
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['SERVER_NAME'] = parse_url( $origin, PHP_URL_HOST );
if ( 'install' === $command ) {
	define( 'WP_INSTALLING', true );
}
require $docroot . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

/** Acts as `login`, with the kses filters WordPress gives that user. */
function act_as( $login ) {
	$user = get_user_by( 'login', $login );
	wp_set_current_user( $user->ID );
	kses_init();
}

switch ( $command ) {
	case 'install':
		$result = wp_install( 'A WordPress site', 'admin', 'admin@example.org', true, '', wp_slash( $args['password'] ), 'en_US' );
		update_option( 'siteurl', $origin );
		update_option( 'home', $origin );
		switch_theme( $args['theme'] );
		wp_insert_user(
			array(
				'user_login' => 'author',
				'user_pass'  => $args['password'],
				'user_email' => 'author@example.org',
				'role'       => 'author',
			)
		);
		wp_insert_user(
			array(
				'user_login' => 'contributor',
				'user_pass'  => $args['password'],
				'user_email' => 'contributor@example.org',
				'role'       => 'contributor',
			)
		);
		$answer = array( 'admin' => $result['user_id'], 'version' => get_bloginfo( 'version' ) );
		break;
	case 'activate':
		$error  = activate_plugin( 'pyinnards/pyinnards.php' );
		$answer = array( 'error' => is_wp_error( $error ) ? $error->get_error_message() : null, 'active' => is_plugin_active( 'pyinnards/pyinnards.php' ) );
		break;
	case 'uninstall':
		deactivate_plugins( 'pyinnards/pyinnards.php' );
		$answer = array( 'uninstalled' => uninstall_plugin( 'pyinnards/pyinnards.php' ) );
		break;
	case 'post':
		act_as( $args['as'] );
		$id     = wp_insert_post(
			array(
				'post_title'   => $args['title'],
				'post_content' => wp_slash( $args['content'] ),
				'post_status'  => 'publish',
			),
			true
		);
		$answer = is_wp_error( $id )
			? array( 'error' => $id->get_error_message() )
			: array( 'id' => $id, 'url' => get_permalink( $id ), 'saved' => get_post_field( 'post_content', $id ) );
		break;
	case 'blocks':
		// How WordPress registered our blocks, and what the plugin would label their options.
		$answer = array();
		foreach ( WP_Block_Type_Registry::get_instance()->get_all_registered() as $name => $type ) {
			if ( 0 !== strpos( $name, 'pyinnards/' ) ) {
				continue;
			}
			$short            = substr( $name, strlen( 'pyinnards/' ) );
			$answer[ $name ] = array(
				'apiVersion'       => $type->api_version,
				'attributes'       => array_map( fn( $schema ) => $schema['type'], $type->attributes ),
				'editorScripts'    => $type->editor_script_handles ?? array( $type->editor_script ),
				'viewScriptModules' => $type->view_script_module_ids ?? array(),
				'unlabelled'       => array_values(
					array_filter(
						array_keys( $type->attributes ),
						fn( $attribute ) => ! in_array( $attribute, array( 'code', 'bake', 'bakeText', 'className', 'lock', 'metadata' ), true ) && ! isset( pyinnards_elements()[ $short ]['labels'][ $attribute ] )
					)
				),
			);
		}
		break;
	case 'post-content':
		$answer = array( 'content' => get_post_field( 'post_content', (int) $args['id'], 'raw' ) );
		break;
	case 'pyodide-command':
		$answer = array( 'command' => pyinnards_pyodide_fetch_command(), 'url' => pyinnards_site_pyodide()['url'] );
		break;
	case 'option-get':
		$answer = array( 'value' => get_option( $args['name'], null ) );
		break;
	case 'option-set':
		$answer = array( 'updated' => update_option( $args['name'], $args['value'] ) );
		break;
	default:
		fwrite( STDERR, "Unknown command $command\n" );
		exit( 2 );
}
echo wp_json_encode( $answer );
