<?php
/**
 * One dynamic block per element (pyinnards/tokenizer, /dis, /frames, /repl): the code and the
 * options are block attributes (stored as JSON in the block's comment, which kses and the block
 * parser leave alone) and the element is rendered on the server at each view.
 *
 * The editor script is plain JavaScript on WordPress's globals (wp.blocks, wp.element...), so
 * the plugin needs no JavaScript build of its own; it reads the elements' options from
 * pyinnards_elements(), passed to it below.
 *
 * @package pyinnards
 */

defined( 'ABSPATH' ) || exit;

/**
 * The block attributes of one element: `code`, and one per option.
 *
 * @param array $definition One entry of pyinnards_elements().
 * @return array
 */
function pyinnards_block_attributes( $definition ) {
	$attributes = array(
		'code' => array(
			'type'    => 'string',
			'default' => '',
		),
	);
	foreach ( $definition['options'] as $attribute => $option ) {
		$types = array(
			'boolean' => 'boolean',
			'integer' => 'number',
		);
		$attributes[ pyinnards_block_attribute_name( $attribute ) ] = array( 'type' => $types[ $option['type'] ] ?? 'string' );
	}
	return $attributes;
}

add_action(
	'init',
	function () {
		wp_register_script(
			'pyinnards-editor',
			plugins_url( 'blocks/editor.js', PYINNARDS_FILE ),
			array( 'wp-blocks', 'wp-element', 'wp-block-editor', 'wp-components', 'wp-i18n' ),
			PYINNARDS_VERSION,
			true
		);
		$editor = array();
		foreach ( pyinnards_elements() as $name => $definition ) {
			$editor[ $name ] = array(
				'tag'         => $definition['tag'],
				'title'       => $definition['title'],
				'description' => $definition['description'],
				'attributes'  => pyinnards_block_attributes( $definition ),
				'options'     => array(),
			);
			foreach ( $definition['options'] as $attribute => $option ) {
				$editor[ $name ]['options'][] = array_merge( $option, array( 'attribute' => pyinnards_block_attribute_name( $attribute ) ) );
			}
			register_block_type(
				'pyinnards/' . $name,
				array(
					'api_version'     => 2,
					'title'           => $definition['title'],
					'description'     => $definition['description'],
					'category'        => 'text',
					'icon'            => 'editor-code',
					'keywords'        => array( 'python', 'code', $definition['tag'] ),
					'attributes'      => pyinnards_block_attributes( $definition ),
					'supports'        => array( 'html' => false ),
					'editor_script'   => 'pyinnards-editor',
					'render_callback' => function ( $attributes ) use ( $name, $definition ) {
						$values = array();
						foreach ( array_keys( $definition['options'] ) as $attribute ) {
							$values[ $attribute ] = $attributes[ pyinnards_block_attribute_name( $attribute ) ] ?? null;
						}
						$class = ' class="' . esc_attr( 'wp-block-pyinnards-' . $name ) . '"';
						return pyinnards_hold( pyinnards_render_element( $name, $values, (string) ( $attributes['code'] ?? '' ), $class ) );
					},
				)
			);
		}
		wp_add_inline_script( 'pyinnards-editor', 'window.pyinnardsBlocks = ' . wp_json_encode( $editor ) . ';', 'before' );
	}
);
