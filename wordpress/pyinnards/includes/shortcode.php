<?php
/**
 * [pyinnards element="dis" show-caches]...code...[/pyinnards] for the classic editor.
 *
 * The classic editor stores HTML: the visual tab writes `<` as `&lt;`, lines as <p> and <br />,
 * and runs of spaces with &nbsp;. The code is read back from that. The shortcode runs before
 * wpautop() and wptexturize() (as WordPress's own [embed] does), so they never see the code,
 * and writes the code into the element's `code` attribute as character references, because
 * wpautop() would break a script child at blank lines.
 *
 * @package pyinnards
 */

defined( 'ABSPATH' ) || exit;

/**
 * The Python code in a shortcode's content, as the classic editor stored it.
 *
 * @param string $content The shortcode's content.
 * @return string
 */
function pyinnards_shortcode_code( $content ) {
	$code = preg_replace( '#<br\s*/?>\n?#i', "\n", $content );
	$code = preg_replace( '#</p>\s*<p[^>]*>#i', "\n\n", $code );
	$code = preg_replace( '#</?p(\s[^>]*)?>#i', '', $code );
	$code = html_entity_decode( $code, ENT_QUOTES | ENT_HTML5, 'UTF-8' );
	return str_replace( "\xC2\xA0", ' ', $code );
}

/**
 * The shortcode's handler.
 *
 * @param array|string $atts    Its attributes; a bare word (`readonly`) is a flag.
 * @param string|null  $content The code.
 * @return string
 */
function pyinnards_shortcode( $atts, $content = null ) {
	$atts   = is_array( $atts ) ? $atts : array();
	$values = array();
	foreach ( $atts as $key => $value ) {
		if ( is_int( $key ) ) {
			$values[ strtolower( $value ) ] = true;
		} else {
			$values[ strtolower( $key ) ] = $value;
		}
	}
	$name = (string) ( $values['element'] ?? 'tokenizer' );
	unset( $values['element'] );
	$html    = pyinnards_render_element( $name, $values, pyinnards_shortcode_code( (string) $content ), '', false );
	$options = pyinnards_options( $name );
	$unknown = null === $options ? array() : array_diff( array_keys( $values ), array_keys( $options ) );
	if ( $unknown ) {
		// A misspelt option would otherwise do nothing, silently: say so under the widget.
		$message = sprintf(
			/* translators: 1: the unknown attributes, 2: the element, 3: the attributes it has. */
			__( 'pyinnards: %2$s has no attribute %1$s; it has %3$s.', 'pyinnards' ),
			implode( ', ', $unknown ),
			pyinnards_tag( $name ),
			implode( ', ', array_keys( $options ) )
		);
		$html .= '<p class="pyinnards-error" role="alert">' . esc_html( $message ) . '</p>';
	}
	return $html;
}
add_shortcode( 'pyinnards', 'pyinnards_shortcode' );

/**
 * Runs only our shortcode, early in the_content (priority 8, before wptexturize and wpautop).
 *
 * @param string $content The post's content.
 * @return string
 */
function pyinnards_run_shortcode_early( $content ) {
	global $shortcode_tags;
	if ( false === strpos( $content, '[pyinnards' ) ) {
		return $content;
	}
	$saved          = $shortcode_tags;
	$shortcode_tags = array( 'pyinnards' => 'pyinnards_shortcode' ); // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited
	$content        = do_shortcode( $content );
	$shortcode_tags = $saved; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited
	return $content;
}
add_filter( 'the_content', 'pyinnards_run_shortcode_early', 8 );
