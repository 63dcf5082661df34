/**
 * The pyinnards blocks in the block editor: the code in a code field, the element's options in
 * the block's sidebar. Plain JavaScript on WordPress's own globals, so the plugin needs no build
 * of its own; the blocks and their options come from PHP (window.pyinnardsBlocks, see
 * includes/blocks.php). The server renders the element (the blocks save nothing but their
 * attributes), so what readers get never depends on this file.
 */
( function ( wp, blocks ) {
	'use strict';
	var el = wp.element.createElement;
	var __ = wp.i18n.__;
	var blockEditor = wp.blockEditor;
	var components = wp.components;

	/** The sidebar control for one option. */
	function control( option, props ) {
		var value = props.attributes[ option.attribute ];
		var set = function ( next ) {
			var change = {};
			change[ option.attribute ] = next;
			props.setAttributes( change );
		};
		switch ( option.type ) {
			case 'boolean':
				return el( components.ToggleControl, { key: option.attribute, label: option.label, checked: !! value, onChange: set } );
			case 'select':
				return el( components.SelectControl, {
					key: option.attribute,
					label: option.label,
					value: value || Object.keys( option.choices )[ 0 ],
					options: Object.keys( option.choices ).map( function ( choice ) {
						return { value: choice, label: option.choices[ choice ] };
					} ),
					onChange: set,
				} );
			case 'integer':
				return el( components.TextControl, {
					key: option.attribute,
					label: option.label,
					type: 'number',
					min: 0,
					value: value === undefined || value === null ? '' : String( value ),
					onChange: function ( next ) {
						set( next === '' ? undefined : Math.max( 0, parseInt( next, 10 ) || 0 ) );
					},
				} );
			default:
				return el( components.TextControl, { key: option.attribute, label: option.label, value: value || '', onChange: set } );
		}
	}

	Object.keys( blocks ).forEach( function ( name ) {
		var block = blocks[ name ];
		wp.blocks.registerBlockType( 'pyinnards/' + name, {
			apiVersion: 2,
			title: block.title,
			description: block.description,
			category: 'text',
			icon: 'editor-code',
			keywords: [ 'python', 'code', block.tag ],
			attributes: block.attributes,
			supports: { html: false },
			edit: function ( props ) {
				var blockProps = blockEditor.useBlockProps( { className: 'pyinnards-block' } );
				return el(
					'div',
					blockProps,
					el( blockEditor.InspectorControls, null, el( components.PanelBody, { title: __( 'Options', 'pyinnards' ) }, block.options.map( function ( option ) {
						return control( option, props );
					} ) ) ),
					el( 'div', { className: 'pyinnards-block__label', style: { fontSize: '12px', opacity: 0.75 } }, '<' + block.tag + '> · ' + block.title ),
					el( blockEditor.PlainText, {
						className: 'pyinnards-block__code',
						style: { fontFamily: 'ui-monospace, Menlo, Consolas, monospace', fontSize: '14px', whiteSpace: 'pre', overflowX: 'auto', tabSize: 4, width: '100%' },
						value: props.attributes.code,
						placeholder: __( 'Python code', 'pyinnards' ),
						'aria-label': __( 'Python code', 'pyinnards' ),
						onChange: function ( code ) {
							props.setAttributes( { code: code } );
						},
					} )
				);
			},
			save: function () {
				return null;
			},
		} );
	} );
} )( window.wp, window.pyinnardsBlocks );
