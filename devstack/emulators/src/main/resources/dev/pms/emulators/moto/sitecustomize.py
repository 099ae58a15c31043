"""Loaded by the devstack's moto_server (through PYTHONPATH) before moto serves a request.

Two costs of moto 5 grow with the size of the whole table, where DynamoDB's do not; the devstack's table holds
everything a test run or a benchmark stored, so its requests slowed down as it grew:
- a transaction backs up every table it names by deep-copying the whole table, once per item of the transaction, to
  roll back a cancelled one. Here only the items it touches are saved, and put back if it fails.
- a query of the table or of a local secondary index walks (and sorts) every item of the table to find the items of
  one partition. Here it walks that partition's items only.
moto's own logic (conditions, expressions, ordering, paging) is otherwise unchanged.
"""
import copy
import sys
import threading


def _install():
    try:
        from moto.dynamodb import models
        from moto.dynamodb.models.table import Table
    except Exception as error:  # moto missing or laid out differently: leave it as it is
        print("devstack: moto transaction patch not installed: %r" % (error,), file=sys.stderr)
        return

    original = models.DynamoDBBackend.transact_write_items

    class _TablesKeptInPlace:
        """Stands in for the copy module inside moto's DynamoDB models: a Table is 'copied' as itself."""

        @staticmethod
        def deepcopy(value, memo=None):
            return value if isinstance(value, Table) else copy.deepcopy(value, memo)

        def __getattr__(self, name):
            return getattr(copy, name)

    def _key(backend, table_name, op_type, op):
        table = backend.get_table(table_name)
        if op_type != "Put":
            return op["Key"]
        attrs = op["Item"]
        key = {table.hash_key_attr: attrs[table.hash_key_attr]}
        if table.range_key_attr is not None:
            key[table.range_key_attr] = attrs[table.range_key_attr]
        return key

    def transact_write_items(self, transact_items):
        saved = []
        try:
            for item in transact_items:
                op_type, op = next(iter(item.items()))
                table_name = op.get("TableName")
                if table_name not in self.tables or op_type == "ConditionCheck":
                    continue
                key = _key(self, table_name, op_type, op)
                before = self.get_item(table_name, key)
                saved.append((table_name, key, None if before is None else before.to_json()["Attributes"]))
        except Exception:
            return original(self, transact_items)  # moto reports the malformed request its own way

        kept_in_place = _TablesKeptInPlace()
        real_copy = models.copy
        models.copy = kept_in_place
        try:
            return original(self, transact_items)
        except Exception:
            for table_name, key, attributes in reversed(saved):
                if attributes is None:
                    if self.get_item(table_name, key) is not None:
                        self.delete_item(table_name, key)
                else:
                    self.put_item(table_name, attributes)
            raise
        finally:
            models.copy = real_copy

    models.DynamoDBBackend.transact_write_items = transact_write_items
    _install_partition_queries(Table)


def _install_partition_queries(Table):
    try:
        from moto.dynamodb.models.table import LocalSecondaryIndex
        import inspect
        parameters = list(inspect.signature(Table.query).parameters)
        hash_key_at = parameters.index("hash_key")
        index_name_at = parameters.index("index_name")
    except Exception as error:
        print("devstack: moto query patch not installed: %r" % (error,), file=sys.stderr)
        return

    original_query = Table.query
    original_all_items = Table.all_items
    partition = threading.local()

    def argument(args, kwargs, position, name):
        if name in kwargs:
            return kwargs[name]
        return args[position - 1] if len(args) >= position else None

    def query(self, *args, **kwargs):
        hash_key = argument(args, kwargs, hash_key_at, "hash_key")
        index_name = argument(args, kwargs, index_name_at, "index_name")
        local = index_name is None or any(
            isinstance(index, LocalSecondaryIndex) and index.name == index_name for index in self.indexes)
        if hash_key is None or not local or not self.range_key_attr:
            return original_query(self, *args, **kwargs)
        partition.of = (self, hash_key)
        try:
            return original_query(self, *args, **kwargs)
        finally:
            partition.of = None

    def all_items(self):
        of = getattr(partition, "of", None)
        if of is None or of[0] is not self:
            return original_all_items(self)
        items = self.items.get(of[1])
        if not items:
            return []
        return sorted(items.values(), key=lambda item: item.range_key)

    Table.query = query
    Table.all_items = all_items
    print("devstack: moto patched (item-level transaction rollback, partition queries)", file=sys.stderr, flush=True)


_install()
