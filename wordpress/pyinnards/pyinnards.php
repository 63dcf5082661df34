<?php
/**
 * Plugin Name:       pyinnards
 * Plugin URI:        https://www.npmjs.com/package/pyinnards
 * Description:       Blocks and a shortcode that show how Python works inside: tokens, bytecode, a run to step through, a console, exactly as CPython 3.14 does it.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * License:           MIT
 * License URI:       https://opensource.org/licenses/MIT
 * Text Domain:       pyinnards
 *
 * @package pyinnards
 */

defined( 'ABSPATH' ) || exit;

define( 'PYINNARDS_VERSION', '0.1.0' );
define( 'PYINNARDS_FILE', __FILE__ );

require_once __DIR__ . '/includes/elements.php';
require_once __DIR__ . '/includes/settings.php';
require_once __DIR__ . '/includes/assets.php';
require_once __DIR__ . '/includes/render.php';
require_once __DIR__ . '/includes/bake.php';
require_once __DIR__ . '/includes/blocks.php';
require_once __DIR__ . '/includes/kses.php';
require_once __DIR__ . '/includes/shortcode.php';
