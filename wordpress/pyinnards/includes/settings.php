<?php
/**
 * Settings › pyinnards: the default interpreter and where the kit and Pyodide come from. All of
 * it is one option, `pyinnards_settings`, which uninstall.php deletes.
 *
 * WordPress's plugin guidelines forbid loading executable code from a third-party CDN by default,
 * so both default to this site: the kit is inside the plugin, and Pyodide (about 10 MB, too big
 * for the plugin) is read from a copy in wp-content/uploads that one command fetches. The public
 * CDN for Pyodide is a choice an administrator makes, knowing readers' browsers then ask it.
 *
 * @package pyinnards
 */

defined( 'ABSPATH' ) || exit;

/** The one option the plugin stores. */
const PYINNARDS_OPTION = 'pyinnards_settings';

/**
 * The settings, with defaults for what is unset.
 *
 * @return array{engine: string, kit: string, kit_url: string, pyodide: string, pyodide_url: string}
 */
function pyinnards_settings() {
	$stored = get_option( PYINNARDS_OPTION, array() );
	$stored = is_array( $stored ) ? $stored : array();
	if ( ! isset( $stored['pyodide'] ) && ! empty( $stored['pyodide_url'] ) ) {
		// Saved before the choice existed: a URL meant that URL.
		$stored['pyodide'] = 'url';
	}
	return array_merge(
		array(
			'engine'      => 'pyodide',
			'kit'         => 'local',
			'kit_url'     => 'https://cdn.jsdelivr.net/npm/pyinnards@' . PYINNARDS_VERSION . '/dist/',
			'pyodide'     => 'site',
			'pyodide_url' => '',
		),
		$stored
	);
}

/**
 * Keeps only known values; a URL that isn't http(s) is refused with a notice.
 *
 * @param mixed $input What the settings form sent.
 * @return array
 */
function pyinnards_sanitize_settings( $input ) {
	$input    = is_array( $input ) ? $input : array();
	$current  = pyinnards_settings();
	$settings = array(
		'engine'      => in_array( $input['engine'] ?? '', array( 'pyodide', 'skulpt' ), true ) ? $input['engine'] : 'pyodide',
		'kit'         => ( $input['kit'] ?? '' ) === 'url' ? 'url' : 'local',
		'kit_url'     => $current['kit_url'],
		'pyodide'     => in_array( $input['pyodide'] ?? '', array( 'site', 'cdn', 'url' ), true ) ? $input['pyodide'] : 'site',
		'pyodide_url' => '',
	);
	foreach ( array( 'kit_url', 'pyodide_url' ) as $key ) {
		$url = trim( (string) ( $input[ $key ] ?? '' ) );
		if ( '' === $url ) {
			continue;
		}
		$clean = esc_url_raw( $url, array( 'http', 'https' ) );
		if ( '' === $clean ) {
			/* translators: %s: the URL that was refused. */
			add_settings_error( PYINNARDS_OPTION, $key, sprintf( __( '“%s” is not an http(s) URL; the previous value was kept.', 'pyinnards' ), $url ) );
			$settings[ $key ] = $current[ $key ];
			continue;
		}
		$settings[ $key ] = trailingslashit( $clean );
	}
	if ( 'url' === $settings['pyodide'] && '' === $settings['pyodide_url'] ) {
		add_settings_error( PYINNARDS_OPTION, 'pyodide_url', __( 'Pyodide from a URL needs the URL; this site’s copy is used until one is given.', 'pyinnards' ) );
		$settings['pyodide'] = 'site';
	}
	return $settings;
}

add_action(
	'admin_init',
	function () {
		register_setting(
			'pyinnards',
			PYINNARDS_OPTION,
			array(
				'type'              => 'array',
				'sanitize_callback' => 'pyinnards_sanitize_settings',
			)
		);
	}
);

add_action(
	'admin_menu',
	function () {
		add_options_page( __( 'pyinnards', 'pyinnards' ), __( 'pyinnards', 'pyinnards' ), 'manage_options', 'pyinnards', 'pyinnards_settings_page' );
	}
);

add_filter(
	'plugin_action_links_' . plugin_basename( PYINNARDS_FILE ),
	function ( $links ) {
		$links[] = '<a href="' . esc_url( admin_url( 'options-general.php?page=pyinnards' ) ) . '">' . esc_html__( 'Settings', 'pyinnards' ) . '</a>';
		return $links;
	}
);

/** Renders Settings › pyinnards. */
function pyinnards_settings_page() {
	if ( ! current_user_can( 'manage_options' ) ) {
		return;
	}
	$settings = pyinnards_settings();
	$name     = PYINNARDS_OPTION;
	$local    = pyinnards_has_local_kit();
	?>
	<div class="wrap">
		<h1><?php esc_html_e( 'pyinnards', 'pyinnards' ); ?></h1>
		<form method="post" action="options.php">
			<?php settings_fields( 'pyinnards' ); ?>
			<table class="form-table" role="presentation">
				<tr>
					<th scope="row"><label for="pyinnards-engine"><?php esc_html_e( 'Default interpreter', 'pyinnards' ); ?></label></th>
					<td>
						<select id="pyinnards-engine" name="<?php echo esc_attr( $name ); ?>[engine]">
							<option value="pyodide" <?php selected( $settings['engine'], 'pyodide' ); ?>><?php esc_html_e( 'CPython 3.14 (Pyodide, about 10 MB, cached by the browser)', 'pyinnards' ); ?></option>
							<option value="skulpt" <?php selected( $settings['engine'], 'skulpt' ); ?>><?php esc_html_e( 'Skulpt (about 230 KB, a Python 3.7-like subset)', 'pyinnards' ); ?></option>
						</select>
						<p class="description"><?php esc_html_e( 'For blocks whose Interpreter is “Site default”. Bytecode always needs CPython.', 'pyinnards' ); ?></p>
					</td>
				</tr>
				<tr>
					<th scope="row"><?php esc_html_e( 'Where the widgets’ files come from', 'pyinnards' ); ?></th>
					<td>
						<fieldset>
							<label><input type="radio" name="<?php echo esc_attr( $name ); ?>[kit]" value="local" <?php checked( $settings['kit'], 'local' ); ?>> <?php esc_html_e( 'This site (the copy inside the plugin)', 'pyinnards' ); ?></label><br>
							<label><input type="radio" name="<?php echo esc_attr( $name ); ?>[kit]" value="url" <?php checked( $settings['kit'], 'url' ); ?>> <?php esc_html_e( 'This URL (a CDN, or your own copy of the package’s dist/ folder):', 'pyinnards' ); ?></label><br>
							<input type="url" class="regular-text code" id="pyinnards-kit-url" aria-label="<?php esc_attr_e( 'Kit URL', 'pyinnards' ); ?>" name="<?php echo esc_attr( $name ); ?>[kit_url]" value="<?php echo esc_attr( $settings['kit_url'] ); ?>">
							<?php if ( ! $local ) : ?>
								<p class="description"><strong><?php esc_html_e( 'This copy of the plugin has no local files (it was not built): the URL is used.', 'pyinnards' ); ?></strong></p>
							<?php endif; ?>
						</fieldset>
					</td>
				</tr>
				<tr>
					<th scope="row"><?php esc_html_e( 'Where Pyodide (CPython) comes from', 'pyinnards' ); ?></th>
					<td>
						<fieldset>
							<label><input type="radio" name="<?php echo esc_attr( $name ); ?>[pyodide]" value="site" <?php checked( $settings['pyodide'], 'site' ); ?>> <?php esc_html_e( 'This site: a copy in wp-content/uploads (readers ask no one else; you fetch it once, about 10 MB)', 'pyinnards' ); ?></label><br>
							<label><input type="radio" name="<?php echo esc_attr( $name ); ?>[pyodide]" value="cdn" <?php checked( $settings['pyodide'], 'cdn' ); ?>> <?php esc_html_e( 'The public CDN, cdn.jsdelivr.net (nothing to set up, but readers’ browsers fetch code from a third party)', 'pyinnards' ); ?></label><br>
							<label><input type="radio" name="<?php echo esc_attr( $name ); ?>[pyodide]" value="url" <?php checked( $settings['pyodide'], 'url' ); ?>> <?php esc_html_e( 'This URL (a folder with Pyodide 314.0.7’s files):', 'pyinnards' ); ?></label><br>
							<input type="url" class="regular-text code" id="pyinnards-pyodide-url" aria-label="<?php esc_attr_e( 'Pyodide URL', 'pyinnards' ); ?>" name="<?php echo esc_attr( $name ); ?>[pyodide_url]" value="<?php echo esc_attr( $settings['pyodide_url'] ); ?>" placeholder="https://example.org/pyodide/">
							<?php if ( ! file_exists( pyinnards_site_pyodide()['dir'] . 'pyodide.mjs' ) ) : ?>
								<p class="description" id="pyinnards-pyodide-missing"><strong><?php esc_html_e( 'This site has no copy of Pyodide yet: until it has, CPython widgets say they could not load it. Fetch it with this command, run on the server:', 'pyinnards' ); ?></strong></p>
							<?php else : ?>
								<p class="description"><?php esc_html_e( 'This site’s copy is in place. To fetch it again:', 'pyinnards' ); ?></p>
							<?php endif; ?>
							<p><code id="pyinnards-pyodide-command"><?php echo esc_html( pyinnards_pyodide_fetch_command() ); ?></code></p>
						</fieldset>
					</td>
				</tr>
			</table>
			<?php submit_button(); ?>
		</form>
	</div>
	<?php
}
