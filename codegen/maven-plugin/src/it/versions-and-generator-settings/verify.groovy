def out = new File(basedir, 'target/generated-sources/jooq/com/example/db')
def table = new File(out, 'tables/OrdersTable.java')
assert table.isFile() : "the matcher strategy's table class name was not used"
assert table.text.contains('TableField<OrdersRecord, Instant> PLACED_AT') : "the forced type INSTANT was not applied"
assert new File(out, 'tables/pojos/Orders.java').isFile() : "no POJOs"
assert new File(basedir, 'target/classes/com/example/Shipping.class').isFile() : "Shipping did not compile"
// The fingerprint records the versions that actually ran: the project's, not the plugin's.
def fingerprint = new File(basedir, 'target/generated-sources/codegen.fingerprint').text
assert fingerprint.contains('tool jooq 3.21.1') : "jOOQ was not the project's 3.21.1:\n" + fingerprint
assert fingerprint.contains('tool flyway 13.12.2') : "Flyway was not the project's 13.12.2:\n" + fingerprint
return true
