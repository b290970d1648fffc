// Wrapper module that builds the real drpcli (cmds/drpcli of github.com/digitalrebar/provision/v4)
// reproducibly with today's Go. Used by ../prepare.sh; see ../README.md.
module dev.drpconsole/testenv/drpcli

go 1.24

tool github.com/digitalrebar/provision/v4/cmds/drpcli

require (
	github.com/Masterminds/goutils v1.1.0 // indirect
	github.com/Masterminds/semver v1.4.2 // indirect
	github.com/Masterminds/semver/v3 v3.1.0 // indirect
	github.com/Masterminds/sprig/v3 v3.1.0 // indirect
	github.com/StackExchange/wmi v0.0.0-20190523213315-cbe66965904d // indirect
	github.com/VictorLowther/godmi v0.6.1 // indirect
	github.com/VictorLowther/jsonpatch2 v1.0.0 // indirect
	github.com/digitalocean/go-smbios v0.0.0-20180907143718-390a4f403a8e // indirect
	github.com/digitalrebar/logger v1.0.2 // indirect
	github.com/digitalrebar/provision/v4 v4.7.0 // indirect
	github.com/digitalrebar/service v1.1.1-0.20210318203824-ace7506f4810 // indirect
	github.com/digitalrebar/tftp v2.1.0+incompatible // indirect
	github.com/digitalrebar/tftp/v3 v3.0.0 // indirect
	github.com/elithrar/simple-scrypt v1.3.0 // indirect
	github.com/fatih/color v1.7.0 // indirect
	github.com/ghodss/yaml v1.0.0 // indirect
	github.com/go-ole/go-ole v1.2.4 // indirect
	github.com/gofunky/semver v3.5.2+incompatible // indirect
	github.com/google/uuid v1.1.1 // indirect
	github.com/gorilla/websocket v1.4.2 // indirect
	github.com/groob/plist v0.0.0-20190114192801-a99fbe489d03 // indirect
	github.com/hokaccha/go-prettyjson v0.0.0-20210113012101-fb4e108d2519 // indirect
	github.com/huandu/xstrings v1.3.1 // indirect
	github.com/imdario/mergo v0.3.8 // indirect
	github.com/inconshreveable/mousetrap v1.0.0 // indirect
	github.com/itchyny/go-flags v1.5.0 // indirect
	github.com/itchyny/gojq v0.12.3 // indirect
	github.com/itchyny/timefmt-go v0.1.2 // indirect
	github.com/klauspost/compress v1.7.4 // indirect
	github.com/klauspost/cpuid v1.2.1 // indirect
	github.com/klauspost/pgzip v1.2.1 // indirect
	github.com/krolaw/dhcp4 v0.0.0-20190531080455-7b64900047ae // indirect
	github.com/mattn/go-colorable v0.1.4 // indirect
	github.com/mattn/go-isatty v0.0.12 // indirect
	github.com/mattn/go-runewidth v0.0.9 // indirect
	github.com/mitchellh/copystructure v1.0.0 // indirect
	github.com/mitchellh/reflectwalk v1.0.0 // indirect
	github.com/mohae/deepcopy v0.0.0-20170929034955-c48cc78d4826 // indirect
	github.com/olekukonko/tablewriter v0.0.4 // indirect
	github.com/pborman/uuid v1.2.0 // indirect
	github.com/pkg/xattr v0.4.1 // indirect
	github.com/rackn/gohai v0.6.1 // indirect
	github.com/rackn/netwrangler v0.7.2-0.20210813175223-e37cf21b756b // indirect
	github.com/shirou/gopsutil v2.18.12+incompatible // indirect
	github.com/shirou/w32 v0.0.0-20160930032740-bb4de0191aa4 // indirect
	github.com/spf13/cast v1.3.1 // indirect
	github.com/spf13/cobra v0.0.4-0.20180722215644-7c4570c3ebeb // indirect
	github.com/spf13/pflag v1.0.3 // indirect
	github.com/xeipuuv/gojsonpointer v0.0.0-20180127040702-4e3ac2762d5f // indirect
	github.com/xeipuuv/gojsonreference v0.0.0-20180127040603-bd5ef7bd5415 // indirect
	github.com/xeipuuv/gojsonschema v1.1.0 // indirect
	golang.org/x/crypto v0.0.0-20200414173820-0848c9571904 // indirect
	golang.org/x/net v0.0.0-20190724013045-ca1201d0de80 // indirect
	golang.org/x/sync v0.0.0-20210220032951-036812b2e83c // indirect
	golang.org/x/sys v0.0.0-20210301091718-77cc2087c03b // indirect
	golang.org/x/text v0.3.0 // indirect
	gopkg.in/yaml.v2 v2.2.2 // indirect
	gopkg.in/yaml.v3 v3.0.0-20210107192922-496545a6307b // indirect
)
