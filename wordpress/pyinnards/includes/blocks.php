<?php
/**
 * One dynamic block per element (pyinnards/tokenizer, /ast, /dis, /frames, /repl), each registered from
 * its blocks/NAME/block.json: the code and the options are block attributes (stored as JSON in the
 * block's comment; includes/kses.php keeps kses from rewriting the code and the bake) and the
 * element is rendered on the server at each view.
 *
 * The editor script is plain JavaScript on WordPress's globals (wp.blocks, wp.element...), so
 * the plugin needs no JavaScript build of its own; it gets the options' labels and the site's
 * settings from window.pyinnardsBlocks, printed below.
 *
 * @package pyinnards
 */

defined( 'ABSPATH' ) || exit;

/**
 * The server side of a block: its element, with the kit enqueued.
 *
 * @param string $name       Short name (tokenizer, dis...).
 * @param array  $attributes The block's attributes.
 * @return string
 */
function pyinnards_render_block( $name, $attributes ) {
	$values = array();
	foreach ( pyinnards_options( $name ) as $html_attribute => $option ) {
		$values[ $html_attribute ] = $attributes[ $option['attribute'] ] ?? null;
	}
	// The editor's "Additional CSS class(es)" (WordPress's className attribute) comes along.
	$class = ' class="' . esc_attr( trim( 'wp-block-pyinnards-' . $name . ' ' . (string) ( $attributes['className'] ?? '' ) ) ) . '"';
	$bake  = pyinnards_bake_child( $attributes['bake'] ?? null, pyinnards_tag( $name ) );
	// Its text for readers without JavaScript comes with a bake only: never on its own.
	if ( '' !== $bake ) {
		$bake .= pyinnards_baked_text_child( $attributes['bakeText'] ?? null );
	}
	return pyinnards_hold( pyinnards_render_element( $name, $values, (string) ( $attributes['code'] ?? '' ), $class, true, $bake ) );
}

add_action(
	'init',
	function () {
		pyinnards_register_kit();
		wp_register_script(
			'pyinnards-editor',
			plugins_url( 'blocks/editor.js', PYINNARDS_FILE ),
			array( 'wp-blocks', 'wp-element', 'wp-block-editor', 'wp-components', 'wp-data', 'wp-i18n' ),
			PYINNARDS_VERSION,
			true
		);
		wp_register_style( 'pyinnards-editor', plugins_url( 'blocks/editor.css', PYINNARDS_FILE ), array(), PYINNARDS_VERSION );

		$editor = array(
			'kit'      => pyinnards_kit_url() . 'pyinnards.js?ver=' . PYINNARDS_VERSION,
			// The kit's baker (see blocks/editor.js): only the editor loads it.
			'baker'    => pyinnards_kit_url() . 'bake.js?ver=' . PYINNARDS_VERSION,
			'settings' => pyinnards_element_defaults(),
			'blocks'   => array(),
		);
		foreach ( array_keys( pyinnards_elements() ) as $name ) {
			$type    = register_block_type(
				plugin_dir_path( PYINNARDS_FILE ) . 'blocks/' . $name,
				array(
					'render_callback' => function ( $attributes ) use ( $name ) {
						return pyinnards_render_block( $name, $attributes );
					},
				)
			);
			$options = array();
			foreach ( pyinnards_options( $name ) as $html_attribute => $option ) {
				$options[] = $option + array( 'name' => $html_attribute );
			}
			$editor['blocks'][ $name ] = array(
				'tag'        => pyinnards_tag( $name ),
				// Engine blocks store a bake (their block.json has the attribute).
				'bakes'      => $type && isset( $type->attributes['bake'] ),
				'runsPython' => pyinnards_elements()[ $name ]['runs_python'],
				'options'    => $options,
			);
		}
		wp_add_inline_script( 'pyinnards-editor', 'window.pyinnardsBlocks = ' . wp_json_encode( $editor ) . ';', 'before' );
	}
);
